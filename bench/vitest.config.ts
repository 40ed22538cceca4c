/*
 * Unit tests of the benchmark harness (statistics, budgets, reports, finding Node 24), part of the
 * root `pnpm test` as the `@auth-s3/bench` project, or alone with `npx vitest run --root bench`.
 * Nothing here benchmarks: `pnpm bench` does, never `pnpm test`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@auth-s3/source'] },
  ssr: { resolve: { conditions: ['@auth-s3/source'] } },
  test: { name: '@auth-s3/bench', include: ['lib/**/*.test.ts'] },
});
