/*
 * `pnpm emulator [emulator options]`: the emulator on its own, as the repository runs it. Fills in
 * what the emulator's CLI needs and knows nothing of: the stack's template (synthesized first when
 * missing or stale, unless `--template` is given), the outputs file the web app reads and the data
 * dir at the repository root; then runs the emulator's launcher with the options passed through,
 * relative paths meaning where the user typed them. Its exit code is this command's.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { EMULATOR_BIN, EMULATOR_DATA_DIR, LOCAL_OUTPUTS_FILE } from '../repository.js';
import { ensureTemplate } from '../template.js';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  // Only to see which options were given; the emulator's CLI parses and checks them all.
  const { values } = parseArgs({ args, strict: false });
  const added: string[] = [];
  if (values.help) {
    console.log(
      'pnpm emulator passes, unless given: --template (cdk.out, synthesized when stale), ' +
        '--outputs-file packages/web/aws-outputs.local.json, --data-dir .emulator\n',
    );
  } else {
    if (values.template === undefined) {
      added.push('--template', await ensureTemplate({ log: (line) => console.log(`[emulator] ${line}`) }));
    } else {
      console.log(
        '[emulator] Using the --template given: no staleness check (run `pnpm synth` after changing infra/)',
      );
    }
    if (values['outputs-file'] === undefined) added.push('--outputs-file', LOCAL_OUTPUTS_FILE);
    if (values['data-dir'] === undefined) added.push('--data-dir', EMULATOR_DATA_DIR);
  }
  const child = spawn(process.execPath, [EMULATOR_BIN, ...args, ...added], {
    // `pnpm emulator` runs at the root; INIT_CWD is where the user typed it.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdio: 'inherit',
  });
  // Ctrl-C reaches the child through the terminal; a SIGTERM sent to this process is passed on.
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  process.on('SIGINT', () => {});
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[emulator] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
