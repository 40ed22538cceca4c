/*
 * Vite configuration for the web app: React, the workspace libraries resolved from their TypeScript
 * source (`@auth-s3/source`), and the stack configuration served as a virtual module.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { authS3Outputs } from './scripts/outputs-plugin';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react(), authS3Outputs({ webRoot })],
  resolve: { conditions: ['@auth-s3/source', ...defaultClientConditions] },
  // The manifest tells scripts/size.ts which chunks the sign-in screen loads first.
  build: { target: 'es2022', sourcemap: false, manifest: true },
});
