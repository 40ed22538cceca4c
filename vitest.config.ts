/*
 * Root test runner: one vitest run over every workspace. Each package may add its own
 * vitest.config.ts (environment, timeouts); source is resolved through the
 * `@auth-s3/source` export condition so tests need no build step.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['infra', 'packages/*', 'bench'],
  },
});
