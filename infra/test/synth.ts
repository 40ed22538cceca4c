/*
 * Test helper: builds the app the way `bin/app.ts` does, with the context of the root `cdk.json`
 * (feature flags included), so the tests check the same template `pnpm synth` writes.
 */
import { readFileSync } from 'node:fs';
import { App, type AppProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
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
