/*
 * `pnpm test:unit`, the everyday loop: every workspace's unit tests, in one vitest run like
 * `pnpm test`, but without what needs a browser, an emulator server, a child process or a build:
 * the integration suites (`test/`), the browser journey (`e2e/`), and the few unit-folder suites
 * that start a server or a process. Test files run in worker threads and share their workers' module graph
 * (`isolate: false`), which halves the CPU the loop takes; the one suite that mocks a Node module runs
 * isolated in a project of its own. CI runs the full, isolated `pnpm test`.
 */
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const workspaces = ['infra', ...readdirSync('packages').map((name) => `packages/${name}`)];

/** Suites beside the code that still start an emulator, a server or a process. */
const SERVER_SUITES = [
  '**/s3-end-to-end.test.ts', // the S3 service over HTTP with the SDK
  '**/signed-headers.test.ts', // SigV4 over a real HTTP server
  '**/sdk-fidelity.test.ts', // the library's Cognito client against the SDK and the emulator
  '**/json-file-store.test.ts', // kills a writer process mid-write
];

/** Suites that `vi.mock` a module every file shares, so they need a module graph of their own. */
const MOCKING_SUITES = ['src/s3/storage/crash-recovery.test.ts'];

const source = { conditions: ['@auth-s3/source'] };

export default defineConfig({
  test: {
    projects: [
      ...workspaces.map((root) => ({
        extends: `./${root}/vitest.config.ts`,
        test: {
          root,
          pool: 'threads' as const,
          isolate: false,
          exclude: ['**/node_modules/**', 'test/**', 'e2e/**', ...SERVER_SUITES, ...MOCKING_SUITES],
        },
      })),
      {
        resolve: source,
        ssr: { resolve: source },
        test: { name: '@auth-s3/emulator (isolated)', root: 'packages/emulator', include: MOCKING_SUITES },
      },
    ],
  },
});
