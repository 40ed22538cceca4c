/* The areas of the bucket: the stack's own, and one identity's private prefix from the pattern. */
import { describe, expect, it } from 'vitest';
import { FILE_AREAS, privatePrefix } from './file-areas.js';

describe('privatePrefix', () => {
  it("fills the pattern with the identity pool's identity id", () => {
    expect(
      privatePrefix(FILE_AREAS.privatePrefixPattern, 'us-east-1:1b2c3d4e-0000-4000-8000-000000000000'),
    ).toBe('private/us-east-1:1b2c3d4e-0000-4000-8000-000000000000/');
  });

  it('fills it with an IAM policy variable for the stack', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JavaScript one.
    const variable = '${cognito-identity.amazonaws.com:sub}';
    expect(privatePrefix(FILE_AREAS.privatePrefixPattern, variable)).toBe(`private/${variable}/`);
  });
});
