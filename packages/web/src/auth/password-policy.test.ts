/*
 * Tests of the password rules as shown: the policy's rules only, in order, with words, judged by the
 * outputs contract's evaluator (the emulator's), so they agree with the stack on spaces and length.
 */
import type { PasswordPolicy } from 'auth-s3';
import { describe, expect, it } from 'vitest';
import { showRules } from './password-policy';

const policy: PasswordPolicy = {
  minimumLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
};
const unmet = (password: string, p: PasswordPolicy = policy) =>
  showRules(password, p)
    .filter((shown) => !shown.met)
    .map((shown) => shown.rule);

describe('showRules', () => {
  it("names every rule a short lowercase password misses with the library's rule ids", () => {
    expect(unmet('abc')).toEqual(['length', 'uppercase', 'numbers', 'symbols']);
  });

  it('accepts a password that meets every rule', () => {
    expect(unmet('Correct-Horse-9')).toEqual([]);
  });

  it('counts an inner space as a symbol, as Cognito and the emulator do', () => {
    expect(unmet('Correct Horse 9')).toEqual([]);
  });

  it('counts length in UTF-16 units, as the emulator does', () => {
    const lengthOnly = { ...policy, requireLowercase: false, requireUppercase: false, requireNumbers: false };
    expect(unmet('😀😀😀😀!', { ...lengthOnly, requireSymbols: true })).toEqual([]);
  });

  it("shows only the policy's rules, with its length in the words", () => {
    const shown = showRules('', {
      ...policy,
      minimumLength: 12,
      requireUppercase: false,
      requireSymbols: false,
    });
    expect(shown.map((s) => s.rule)).toEqual(['length', 'lowercase', 'numbers']);
    expect(shown[0]?.label).toBe('At least 12 characters');
  });

  it('shows no rules when the config carries no policy', () => {
    expect(showRules('x', undefined)).toEqual([]);
  });
});
