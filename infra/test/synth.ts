/*
 * Test helper: builds the app the way `bin/app.ts` does, with the context of the root `cdk.json`
 * (feature flags included), so the tests check the same template `pnpm synth` writes, and the
 * template fixtures of `@auth-s3/stack-testing` are made and checked from it. The web app's build
 * is stood in for by a two-file site in a temporary folder, so no test needs `pnpm build`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type AppProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addAuthS3Stack } from '../src/auth-s3-app.js';
import { AuthS3Stack, type AuthS3StackProps } from '../src/auth-s3-stack.js';

const cdkJsonPath = new URL('../../cdk.json', import.meta.url);

/** The `context` block of the root `cdk.json`. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(cdkJsonPath, 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

/** What the CDK CLI adds to every synth: construct paths in `Metadata` (policy names come from them). */
const CLI_CONTEXT = { 'aws:cdk:enable-path-metadata': true };

/**
 * A new App with the root `cdk.json` context plus `context`. CDK's built-in CloudFormation schema
 * check is off: it costs ~20 s per synth here and only warns (`pnpm synth` still runs it).
 */
export function createApp(context: Record<string, unknown> = {}, props: AppProps = {}): App {
  return new App({
    builtinCloudFormationValidation: false,
    ...props,
    context: { ...CLI_CONTEXT, ...cdkJsonContext(), ...context },
  });
}

/** Synthesizes one `AuthS3Stack` and returns it with its template. */
export function synthStack(props: AuthS3StackProps = {}): { stack: AuthS3Stack; template: Template } {
  const stack = new AuthS3Stack(createApp(), 'AuthS3Stack', props);
  return { stack, template: Template.fromStack(stack) };
}

let siteBuild: string | undefined;

/**
 * A stand-in for `packages/web/dist`: `index.html` and one hashed chunk under `assets/`, made once
 * per test process and removed when it exits.
 */
export function siteBuildFixture(): string {
  if (siteBuild === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'auth-s3-site-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><script type="module" src="/assets/index-0.js"></script>\n',
    );
    writeFileSync(join(dir, 'assets', 'index-0.js'), 'export {};\n');
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    siteBuild = dir;
  }
  return siteBuild;
}

/**
 * The region the CDK CLI passes as CDK_DEFAULT_REGION when no AWS profile names one, as on a machine
 * with no AWS configuration: what `pnpm synth` writes there, independent of the developer's profile.
 */
const CLI_FALLBACK_REGION = 'us-east-1';

/**
 * The template `pnpm synth` writes with these `-c` flags: the app of `bin/app.ts`, synthesized
 * in-process (about half a second) into a cloud assembly, read back as JSON, with
 * {@link siteBuildFixture} as the web app's build (asset hashes aside, the same template).
 */
export function synthAppTemplate(context: Record<string, string> = {}): Record<string, unknown> {
  const app = createApp({ siteDirectory: siteBuildFixture(), ...context });
  const stack = addAuthS3Stack(app, CLI_FALLBACK_REGION);
  return app.synth().getStackByName(stack.stackName).template as Record<string, unknown>;
}
