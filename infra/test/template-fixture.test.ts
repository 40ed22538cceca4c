/*
 * The template fixtures of `@auth-s3/stack-testing` are what the app synthesizes today: each is
 * compared with a fresh in-process synth of the same `-c` flags, asset hashes and the CLI's
 * `CDKMetadata` aside, so a change to the stack that is not copied into the fixtures fails here
 * instead of leaving the emulator's suites on an old stack.
 */
import {
  normalizeTemplate,
  TEMPLATE_FIXTURES,
  type TemplateFixtureName,
  templateFixture,
} from '@auth-s3/stack-testing';
import { describe, expect, it } from 'vitest';
import { synthAppTemplate } from './synth.js';

const names = Object.keys(TEMPLATE_FIXTURES) as TemplateFixtureName[];

describe('the template fixtures', () => {
  it.each(names)('%s equals a fresh synth, asset hashes aside', (name) => {
    const fresh = normalizeTemplate(synthAppTemplate(TEMPLATE_FIXTURES[name].context));
    expect(
      normalizeTemplate(templateFixture(name)),
      `The ${name} fixture differs from the stack: run \`pnpm --filter @auth-s3/infra fixture:refresh\``,
    ).toEqual(fresh);
  });
});
