/*
 * `pnpm preview [--port <n>]`: the production build as CloudFront would serve it (the stack's
 * response headers and CSP, cache rules and root object), against the emulator, rebuilt first when
 * stale. Always the emulator: a preview is for trying the build before a deploy. Ctrl-C stops it.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PREVIEW_PORT, startPreview } from '../preview.js';
import { REPO_ROOT, WEB_DIST } from '../repository.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const port = values.port === undefined ? DEFAULT_PREVIEW_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a port number (0 picks a free one), got ${values.port}`);
  }
  const preview = await startPreview({ port });
  console.log('');
  console.log(`  Previewing ${relative(REPO_ROOT, WEB_DIST)} as CloudFront serves it, against the emulator.`);
  console.log(`  Emulator:  ${preview.endpoint}`);
  console.log(`  Inbox:     ${preview.inboxUrl}   (confirmation and reset codes land here)`);
  console.log(`  CSP:       ${preview.headers['content-security-policy']}`);
  console.log(`  App:       ${preview.appUrl}`);
  console.log('  Press Ctrl-C to stop.\n');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await preview.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`pnpm preview could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
