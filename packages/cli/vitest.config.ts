import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@auth-s3/source'] },
  ssr: { resolve: { conditions: ['@auth-s3/source'] } },
  test: {
    name: '@auth-s3/cli',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
