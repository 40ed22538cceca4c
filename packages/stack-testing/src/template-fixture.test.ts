/*
 * Tests for the template fixtures' comparison: `normalizeTemplate` hides what changes without the
 * stack changing (asset hashes, the CLI's CDKMetadata) and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { normalizeTemplate, templateFixture } from './template-fixture.js';

const HASH = '6dba3da2af96b69a187d689b326e5272b9abc8671c0427845a8bed243e02877d';

describe('normalizeTemplate', () => {
  it('ignores asset hashes and the CDKMetadata resource', () => {
    const template = {
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Code: { S3Key: `${HASH}.zip` } } },
        CDKMetadata: { Type: 'AWS::CDK::Metadata', Properties: { Analytics: 'v2:deflate64:abc' } },
      },
    };
    const rebuilt = structuredClone(template);
    rebuilt.Resources.Fn.Properties.Code.S3Key = `${'0'.repeat(64)}.zip`;
    rebuilt.Resources.CDKMetadata.Properties.Analytics = 'v2:deflate64:xyz';
    expect(normalizeTemplate(rebuilt)).toEqual(normalizeTemplate(template));
    expect(normalizeTemplate(template)).toEqual({
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Code: { S3Key: '<asset-hash>.zip' } } },
      },
    });
  });

  it('keeps every other difference, such as a policy action', () => {
    const fixture = templateFixture();
    const changed = JSON.parse(
      JSON.stringify(fixture).replace('"s3:DeleteObject"', '"s3:DeleteObjectVersion"'),
    );
    expect(normalizeTemplate(changed)).not.toEqual(normalizeTemplate(fixture));
  });
});

describe('templateFixture', () => {
  it('returns a copy the caller may change', () => {
    const first = templateFixture();
    first.Resources = {};
    expect(Object.keys(templateFixture().Resources as object).length).toBeGreaterThan(5);
  });
});
