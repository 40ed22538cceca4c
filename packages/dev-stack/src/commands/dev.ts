/*
 * `pnpm dev`: runs the web app against AWS when `packages/web/aws-outputs.json` exists (from
 * `cdk deploy`), else against the emulator started in-process (`--local` forces it), then prints
 * where everything is. Ctrl-C stops it all.
 */
import { relative } from 'node:path';
import { startDevStack } from '../dev-stack.js';
import { REPO_ROOT } from '../repository.js';

async function main(): Promise<void> {
  const stack = await startDevStack({ local: process.argv.includes('--local') });
  const outputs = relative(REPO_ROOT, stack.outputsFile);
  console.log('');
  if (stack.mode === 'aws') {
    console.log(
      `  Using AWS: ${outputs} (from cdk deploy). Run \`pnpm dev --local\` for the offline emulator.`,
    );
  } else {
    console.log(
      '  Running offline: the emulator plays Cognito and S3 on your machine; data lives in .emulator/.',
    );
    console.log(`  Emulator:  ${stack.endpoint}   (outputs written to ${outputs})`);
    console.log(
      `  Inbox:     ${stack.inboxUrl}   (confirmation and reset codes land here, no email is sent)`,
    );
  }
  console.log(`  App:       ${stack.appUrl}`);
  console.log('  Press Ctrl-C to stop.\n');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stack.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`pnpm dev could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
