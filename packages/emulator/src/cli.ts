#!/usr/bin/env -S tsx --conditions=@auth-s3/source
/*
 * `pnpm emulator [--port N] [--data-dir DIR] [--template FILE] [--outputs-file FILE]
 * [--log-decisions]`: synthesizes the stack when its template is missing or stale, starts the
 * emulator, writes the outputs file the web app reads, prints the endpoint and the inbox, logs
 * each code it sends, and stops cleanly on Ctrl-C or SIGTERM.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';
import { ensureTemplate, findRepoRoot } from './synth.js';

const USAGE = `Usage: pnpm emulator [options]

  --port N             port to listen on (default 4566; 0 picks a free one)
  --host HOST          address to bind (default 127.0.0.1)
  --data-dir DIR       where users, tokens, keys and objects live (default .emulator/ at the repo root)
  --template FILE      synthesized stack template (default cdk.out/AuthS3Stack.template.json; synthesized when stale)
  --outputs-file FILE  where to write the outputs (default packages/web/aws-outputs.local.json)
  --region REGION      region of the emulated stack (default us-east-1)
  --log-decisions      print every S3 authorization decision with the statement behind it
  --help               this text`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      template: { type: 'string' },
      'outputs-file': { type: 'string' },
      region: { type: 'string', default: 'us-east-1' },
      'log-decisions': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be 0..65535, not ${values.port}`);

  const started = performance.now();
  const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
  // `pnpm emulator` runs in this package's directory; relative paths mean where the user typed them.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const fromUser = (path: string) => resolve(cwd, path);
  const template = values.template
    ? fromUser(values.template)
    : await ensureTemplate({ repoRoot: root, log: (line) => console.log(`[emulator] ${line}`) });
  if (values.template) {
    console.log(
      `[emulator] Using ${template} as given: no staleness check (run \`pnpm synth\` after changing infra/)`,
    );
  }

  const outputsFile = values['outputs-file']
    ? fromUser(values['outputs-file'])
    : join(root, 'packages', 'web', 'aws-outputs.local.json');
  const emulator = await startEmulator({
    port,
    host: values.host,
    dataDir: values['data-dir'] ? fromUser(values['data-dir']) : join(root, '.emulator'),
    template,
    region: values.region,
    logDecisions: values['log-decisions'],
    outputsFile,
  });
  // performance.now() counts from process start, so the second figure includes loading the code.
  const ms = Math.round(performance.now() - started);
  const total = Math.round(performance.now());
  console.log(`[emulator] Ready in ${ms} ms (${total} ms since the process started) at ${emulator.endpoint}`);
  console.log(`[emulator]   inbox and requests: ${emulator.endpoint}/_emulator/`);
  console.log(`[emulator]   outputs written to: ${outputsFile}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[emulator] ${signal}: stopping…`);
    emulator.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[emulator] Failed to stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(
      '[emulator] The port is in use (another emulator?). Stop it, or pass --port N (0 picks a free port).',
    );
  } else {
    console.error(`[emulator] ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
