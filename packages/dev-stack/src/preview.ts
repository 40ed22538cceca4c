/*
 * `startPreview()`: the production build served as CloudFront would serve it, against the emulator,
 * so the build is tried under its real Content-Security-Policy before any deploy. The build is made
 * fresh (`ensureWebBuild`), the template too (`ensureTemplate`); the serving rules come from the
 * template (`siteRulesFromTemplate`), the CSP from the stack's own function with the emulator's
 * endpoint where the AWS endpoints would be, and the outputs file the emulator writes is served where
 * the deployment writes the stack's. `pnpm preview`, the browser tests and the bench run it.
 */
import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from '@auth-s3/infra/content-security-policy';
import { SITE_OUTPUTS_FILE } from '@auth-s3/outputs';
import { type DevStackOptions, freePort, startAppEmulator } from './dev-stack.js';
import { createPreviewServer } from './preview-server.js';
import { LOCAL_OUTPUTS_FILE } from './repository.js';
import { type SiteRules, siteRulesFromTemplate } from './site-rules.js';
import { ensureTemplate } from './template.js';
import { ensureWebBuild } from './web-build.js';

/** The port `pnpm preview` serves on unless told otherwise (beside `pnpm dev`'s 5173). */
export const DEFAULT_PREVIEW_PORT = 4173;

/** Options of {@link startPreview}. */
export interface PreviewOptions
  extends Pick<DevStackOptions, 'dataDir' | 'emulatorPort' | 'quiet' | 'adjustModel'> {
  /** The preview's port; 0 picks a free one. @default 4173 */
  port?: number;
  /** Where the emulator's outputs are written. @default `packages/web/aws-outputs.local.json` */
  outputsFile?: string;
  /** Another build to serve by the same rules (the bench's baseline page). @default `packages/web/dist`, made fresh */
  siteDirectory?: string;
  /** Progress lines (a rebuild, a synth). @default console.log */
  log?: (line: string) => void;
}

/** A running preview. */
export interface Preview {
  /** `http://localhost:<port>/` */
  appUrl: string;
  /** The emulator's endpoint. */
  endpoint: string;
  /** The emulator's inbox page. */
  inboxUrl: string;
  /** The outputs file the emulator wrote, served as `/aws-outputs.json`. */
  outputsFile: string;
  /** The response headers every answer carries, the CSP included. */
  headers: Record<string, string>;
  rules: SiteRules;
  close(): Promise<void>;
}

/** The response headers of the stack's policy, with the CSP for an app that calls `endpoint`. */
function previewHeaders(rules: SiteRules, endpoint: string): Record<string, string> {
  // With an endpoint the library sends Cognito, Cognito Identity and path-style S3 to that one origin.
  const origin = new URL(endpoint).origin;
  return {
    ...rules.securityHeaders,
    'content-security-policy': contentSecurityPolicy({ connect: [origin], media: [origin] }),
  };
}

/** Starts the preview; see the file header. */
export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const log = options.log ?? console.log;
  // The template first: its synth (cdk.json's build step) builds the app too, then found fresh here.
  const rules = siteRulesFromTemplate(JSON.parse(await readFile(await ensureTemplate({ log }), 'utf8')));
  const siteDirectory = options.siteDirectory ?? (await ensureWebBuild(log));
  const port = options.port === 0 ? await freePort() : (options.port ?? DEFAULT_PREVIEW_PORT);
  const outputsFile = options.outputsFile ?? LOCAL_OUTPUTS_FILE;
  const emulator = await startAppEmulator({ ...options, outputsFile }, port);
  const headers = previewHeaders(rules, emulator.endpoint);
  const server = createPreviewServer({
    siteDirectory,
    rules,
    headers,
    outputs: { key: SITE_OUTPUTS_FILE, file: outputsFile },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, 'localhost', () => resolve());
    });
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  return {
    appUrl: `http://localhost:${port}/`,
    endpoint: emulator.endpoint,
    inboxUrl: `${emulator.endpoint}/_emulator/inbox`,
    outputsFile,
    headers,
    rules,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await emulator.stop();
    },
  };
}
