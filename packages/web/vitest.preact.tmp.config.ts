import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
const P = '/tmp/bundle-an/pp/node_modules/preact';
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['@auth-s3/source'], alias: [
      { find: /^react-dom\/test-utils$/, replacement: `${P}/test-utils/dist/testUtils.mjs` },
      { find: /^react-dom\/client$/, replacement: `${P}/compat/client.mjs` },
      { find: /^react-dom$/, replacement: `${P}/compat/dist/compat.module.js` },
      { find: /^react\/jsx-runtime$/, replacement: `${P}/jsx-runtime/dist/jsxRuntime.module.js` },
      { find: /^react\/jsx-dev-runtime$/, replacement: `${P}/jsx-runtime/dist/jsxRuntime.module.js` },
      { find: /^@testing-library\/react$/, replacement: '/work/wt/bundle/node_modules/.pnpm/@testing-library+react@16.3.3_@testing-library+dom@10.4.2_@types+react-dom@19.3.0_@type_caf0c89dcd807677af52e2a43e70eff8/node_modules/@testing-library/react/dist/@testing-library/react.esm.js' },
      { find: /^react$/, replacement: `${P}/compat/dist/compat.module.js` },
  ] },
  ssr: { resolve: { conditions: ['@auth-s3/source'] } },
  test: {
    name: '@auth-s3/web', environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/__tests__/setup.ts'],
    testTimeout: 30_000, hookTimeout: 120_000,
    server: { deps: { inline: [/@testing-library/] } },
  },
});
