#!/usr/bin/env node
// The installed command: runs the built CLI (see src/main.ts; `pnpm auth-s3` runs the source instead).
import { main } from '../dist/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
