/*
 * @auth-s3/dev-stack: the repository's dev tooling, the one place that knows the layout. It decides
 * whether the stack's template is stale and synthesizes it, chooses AWS or the emulator, serves the
 * web app's outputs to Vite, serves the production build as CloudFront would (`startPreview`) and runs
 * `pnpm dev`, `pnpm preview` and `pnpm emulator` (`src/commands/`). The web app's
 * Vite config imports the plugin from `@auth-s3/dev-stack/vite-plugin`, which loads no emulator.
 */

export { type DevStack, type DevStackOptions, startDevStack } from './dev-stack.js';
export { type Preview, type PreviewOptions, startPreview } from './preview.js';
export { EMULATOR_BIN, WEB_DIST, WEB_ROOT } from './repository.js';
export { type EnsureTemplateOptions, ensureTemplate } from './template.js';
export { buildWebApp, ensureWebBuild, type WebBuildOptions } from './web-build.js';
