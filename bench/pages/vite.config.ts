/*
 * Vite configuration shared by the baseline pages: the same React plugin and build target as the
 * web app (`packages/web/vite.config.ts`), so the sizes differ only by what each page imports.
 * The bundle entry passes `root` and `outDir` per page.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false, manifest: true, emptyOutDir: true },
  logLevel: 'warn',
});
