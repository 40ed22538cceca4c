/*
 * Tests of the web app: component tests (`src/**\/*.test.tsx`, happy-dom), unit tests (in `src`
 * and `scripts`), plus the browser end-to-end journey (`e2e/*.e2e.test.ts`, which sets its own node environment and drives
 * Chromium against the emulator and Vite).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@auth-s3/source'] },
  ssr: { resolve: { conditions: ['@auth-s3/source'] } },
  test: {
    name: '@auth-s3/web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'build/**/*.test.ts', 'e2e/**/*.e2e.test.ts'],
    setupFiles: ['src/__tests__/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
