/*
 * The synthesized AuthS3Stack templates as test fixtures: copies of what `pnpm synth` writes (the
 * default stack, an ephemeral one with a web origin, and one that requires MFA), so suites get the
 * stack's real policies, CORS rule and ids without a 10–30 s synth. infra's `template-fixture.test.ts` synthesizes the app
 * and fails when a copy differs from it; `pnpm --filter @auth-s3/infra fixture:refresh` rewrites them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The stacks kept as fixtures, with the `cdk synth -c` context that makes each. */
export const TEMPLATE_FIXTURES = {
  /** `pnpm synth`: the stack as deployed by default. */
  default: { file: 'AuthS3Stack.template.json', context: {} },
  /** `pnpm synth -c ephemeral=true -c webOrigins=https://app.example.com`: auto-delete helpers, another origin. */
  ephemeral: {
    file: 'AuthS3Stack.ephemeral.template.json',
    context: { ephemeral: 'true', webOrigins: 'https://app.example.com' },
  },
  /** `pnpm synth -c mfa=required`: every user must set up an authenticator app (MfaConfiguration `ON`). */
  mfaRequired: { file: 'AuthS3Stack.mfa-required.template.json', context: { mfa: 'required' } },
} as const satisfies Record<string, { file: string; context: Record<string, string> }>;

/** A fixture's name: `default`, `ephemeral` or `mfaRequired`. */
export type TemplateFixtureName = keyof typeof TEMPLATE_FIXTURES;

/** The absolute path of a fixture, for code that takes a template path (the emulator's CLI, `startEmulator`). */
export function templateFixturePath(name: TemplateFixtureName = 'default'): string {
  return fileURLToPath(new URL(`../fixtures/${TEMPLATE_FIXTURES[name].file}`, import.meta.url));
}

/** The default stack's fixture path. */
export const TEMPLATE_FIXTURE = templateFixturePath('default');

const parsed = new Map<TemplateFixtureName, object>();

/** A fixture's template as JSON; every call returns a fresh copy the caller may change. */
export function templateFixture(name: TemplateFixtureName = 'default'): Record<string, unknown> {
  let template = parsed.get(name);
  if (!template) {
    template = JSON.parse(readFileSync(templateFixturePath(name), 'utf8')) as object;
    parsed.set(name, template);
  }
  return structuredClone(template) as Record<string, unknown>;
}

/** An asset's content hash, as CDK writes it into S3 keys and asset metadata. */
const ASSET_HASH = /\b[0-9a-f]{64}\b/g;

/**
 * `template` as comparable JSON: asset hashes (which change with the bundled code, not the stack)
 * become `<asset-hash>`, and the `CDKMetadata` resource (construct library versions the CLI adds to
 * every synth) is left out. What remains is what the stack declares.
 */
export function normalizeTemplate(template: unknown): unknown {
  const { Resources, Conditions, ...rest } = template as {
    Resources?: Record<string, unknown>;
    Conditions?: Record<string, unknown>;
  };
  const { CDKMetadata: _metadata, ...resources } = Resources ?? {};
  const { CDKMetadataAvailable: _available, ...conditions } = Conditions ?? {};
  const kept = {
    ...rest,
    Resources: resources,
    ...(Object.keys(conditions).length > 0 ? { Conditions: conditions } : {}),
  };
  return JSON.parse(JSON.stringify(kept).replace(ASSET_HASH, '<asset-hash>'));
}
