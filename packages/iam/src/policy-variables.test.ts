/*
 * Tests for policy variables: substitution, defaults, special characters, missing keys, Version gating.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are literal ${...} text in policies
import { describe, expect, it } from 'vitest';
import { matchGlob } from './glob.js';
import { expandToGlob, expandToText, variablesEnabled } from './policy-variables.js';
import type { ContextLookup } from './request-context.js';
import type { ContextValue } from './types.js';

const context: Record<string, ContextValue> = {
  'aws:username': 'David',
  'cognito-identity.amazonaws.com:sub': 'us-east-1:0c1a3e5b-7c9d-4e2f-8a6b-123456789abc',
  'aws:principaltag/team': 'star*team',
  'aws:tagkeys': ['a', 'b'],
  'aws:securetransport': true,
};
const lookup: ContextLookup = (key) => context[key.toLowerCase()];

describe('expandToText', () => {
  it('replaces a variable with the request value, looking the key up case-insensitively', () => {
    expect(expandToText('home/${aws:username}/', lookup, true)).toBe('home/David/');
    expect(expandToText('home/${AWS:UserName}/', lookup, true)).toBe('home/David/');
  });

  it('expands the Cognito identity id', () => {
    expect(expandToText('private/${cognito-identity.amazonaws.com:sub}/', lookup, true)).toBe(
      'private/us-east-1:0c1a3e5b-7c9d-4e2f-8a6b-123456789abc/',
    );
  });

  it('expands several variables and turns booleans into "true"/"false"', () => {
    expect(expandToText('${aws:username}-${aws:SecureTransport}', lookup, true)).toBe('David-true');
  });

  it('returns undefined for a missing key without a default', () => {
    expect(expandToText('home/${aws:userid}/', lookup, true)).toBeUndefined();
  });

  it("uses the default in ${key, 'default'} when the key is missing (AWS's anonymous example)", () => {
    expect(expandToText("arn:aws:s3:::bucket/${aws:userid, 'anonymous'}", lookup, true)).toBe(
      'arn:aws:s3:::bucket/anonymous',
    );
    expect(expandToText("${aws:username, 'anonymous'}", lookup, true)).toBe('David');
    expect(expandToText("${aws:userid,'x y'}", lookup, true)).toBe('x y');
  });

  it('cannot use a multivalued key as a variable', () => {
    expect(expandToText('${aws:TagKeys}', lookup, true)).toBeUndefined();
  });

  it('turns ${*}, ${?} and ${$} into the literal characters', () => {
    expect(expandToText('a${*}b${?}c${$}d', lookup, true)).toBe('a*b?c$d');
  });

  it('leaves text that is not a variable reference alone', () => {
    expect(expandToText('cost $5 {braces} ${', lookup, true)).toBe('cost $5 {braces} ${');
    expect(expandToText('${not a key}', lookup, true)).toBe('${not a key}');
  });

  it('treats everything literally when variables are disabled', () => {
    expect(expandToText('home/${aws:username}', lookup, false)).toBe('home/${aws:username}');
  });
});

describe('expandToGlob', () => {
  it('keeps wildcards from the policy and makes ${*} a literal asterisk', () => {
    const glob = expandToGlob('file${*}/*', lookup, true);
    expect(glob && matchGlob(glob, 'file*/x')).toBe(true);
    expect(glob && matchGlob(glob, 'fileX/x')).toBe(false);
  });

  it('never treats wildcard characters inside a variable value as wildcards', () => {
    const glob = expandToGlob('${aws:PrincipalTag/team}', lookup, true);
    expect(glob && matchGlob(glob, 'star*team')).toBe(true);
    expect(glob && matchGlob(glob, 'starXteam')).toBe(false);
  });

  it('returns undefined when a variable is missing', () => {
    expect(expandToGlob('${aws:userid}/*', lookup, true)).toBeUndefined();
  });
});

describe('variablesEnabled', () => {
  it('is on only for Version 2012-10-17', () => {
    expect(variablesEnabled('2012-10-17')).toBe(true);
    expect(variablesEnabled('2008-10-17')).toBe(false);
    expect(variablesEnabled(undefined)).toBe(false);
  });
});
