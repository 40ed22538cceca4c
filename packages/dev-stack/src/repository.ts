/*
 * Where things are in this repository: the one module that knows the layout, so that the packages
 * (the emulator above all) do not. Everything else in the dev tooling takes its paths from here.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is `packages/dev-stack/src/repository.ts`). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
/** The web app, `packages/web/`: its Vite config and the outputs files it reads. */
export const WEB_ROOT = join(REPO_ROOT, 'packages', 'web');
/** The web app's production build (`pnpm build`), which the stack uploads and `pnpm preview` serves. */
export const WEB_DIST = join(WEB_ROOT, 'dist');
/** The outputs file `pnpm cdk deploy` writes (`cdk.json`'s `outputsFile`): its presence means "use AWS". */
export const AWS_OUTPUTS_FILE = join(WEB_ROOT, 'aws-outputs.json');
/** The outputs file the emulator writes for `pnpm dev` and `pnpm emulator`. */
export const LOCAL_OUTPUTS_FILE = join(WEB_ROOT, 'aws-outputs.local.json');
/** The emulator's data directory for `pnpm dev` and `pnpm emulator`. */
export const EMULATOR_DATA_DIR = join(REPO_ROOT, '.emulator');
/** The emulator's launcher (what `pnpm emulator` runs once the template is fresh). */
export const EMULATOR_BIN = join(REPO_ROOT, 'packages', 'emulator', 'bin', 'emulator.mjs');
