/*
 * Vite configuration for the web app: React, the workspace libraries resolved from their TypeScript
 * source (`@auth-s3/source`), and the stack configuration served as a virtual module by the dev
 * tooling's plugin (which outputs file: `chooseStack` of `@auth-s3/dev-stack`).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
// `#outputs-plugin` is `@auth-s3/dev-stack/vite-plugin` (package.json `imports`): Vite leaves bare
// imports of a config to Node, which cannot load TypeScript, but bundles a `#` import with the config.
import { authS3Outputs } from '#outputs-plugin';
import { trimAwsSdk } from './build/trim-aws-sdk.ts';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react(), authS3Outputs(), trimAwsSdk()],
  resolve: { conditions: ['@auth-s3/source', ...defaultClientConditions] },
  // Pre-bundled up front, with discovery off: the library is linked source that imports the S3 SDK
  // lazily, and a dependency found late makes the dev server reload the page mid-session. These are
  // every package that src/ and the library's source import directly.
  optimizeDeps: {
    noDiscovery: true,
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom/client',
      'auth-s3 > @aws-sdk/client-s3',
      'auth-s3 > @aws-sdk/s3-request-presigner',
    ],
  },
  // The manifest tells scripts/bundle-size.ts which chunks the sign-in screen loads first. No
  // modulepreload polyfill: browsers without `<link rel="modulepreload">` (Safari before 17) still
  // load every chunk, only without the early fetch.
  build: {
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    modulePreload: { polyfill: false },
  },
});
