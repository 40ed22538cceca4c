import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@auth-s3/source'] },
  ssr: { resolve: { conditions: ['@auth-s3/source'] } },
  test: {
    name: '@auth-s3/outputs',
    include: ['src/**/*.test.ts'],
  },
});
