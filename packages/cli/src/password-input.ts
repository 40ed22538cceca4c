/*
 * Passwords come from the terminal, typed without echo, or with `--password-stdin` from standard
 * input, one per line (scripts pipe them in; they never appear in the process list or the shell
 * history). Without a terminal and without the flag, the command says to pass the flag.
 */

import type { Io } from './context.js';
import { CliError, EXIT, usageError } from './exit-codes.js';

/** Reads passwords for one command, in the order the command asks for them. */
export interface PasswordSource {
  read(prompt: string): Promise<string>;
}

/** Lines of stdin with --password-stdin; otherwise the terminal, without echo. */
export function passwordSource(io: Io, fromStdin: boolean): PasswordSource {
  if (fromStdin) {
    let lines: Promise<string[]> | undefined;
    let next = 0;
    return {
      async read(prompt) {
        lines ??= readAll(io.stdin).then((text) => text.split(/\r?\n/));
        const line = (await lines)[next++];
        if (!line) throw usageError(`--password-stdin: standard input has no line for "${prompt}".`);
        return line;
      },
    };
  }
  return {
    async read(prompt) {
      if (!io.stdin.isTTY) {
        throw usageError('No terminal to type the password in. Pipe it in with --password-stdin.');
      }
      return readHidden(io, `${prompt}: `);
    },
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads one line from the terminal in raw mode, echoing nothing; Ctrl-C exits with 130. */
function readHidden(io: Io, prompt: string): Promise<string> {
  const { stdin, stderr } = io;
  // Echo off before the prompt shows: a password typed (or pasted) the moment the prompt appears
  // would otherwise be echoed by the terminal before raw mode took effect.
  stdin.setRawMode(true);
  stderr.write(prompt);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003') return finish(new CliError('Cancelled.', EXIT.interrupted));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
