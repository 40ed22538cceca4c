/*
 * Unit tests of the benchmark harness (statistics, budgets, build analysis), run on their own with
 * `npx vitest run --root bench`. The root `pnpm test` does not include bench: it never benchmarks.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['lib/**/*.test.ts'] },
});
