/* The password rules shared by the web app's live check and the emulator. */
import { describe, expect, it } from 'vitest';
import { brokenPasswordRules, type PasswordPolicy, passwordRules } from './password-policy.js';

const all: PasswordPolicy = {
  minimumLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
};

describe('brokenPasswordRules', () => {
  it('lists every rule a short lowercase password breaks, in Cognito order, by the library rule ids', () => {
    expect(brokenPasswordRules('abc', all)).toEqual(['length', 'uppercase', 'numbers', 'symbols']);
  });

  it('is empty for a password that meets every rule', () => {
    expect(brokenPasswordRules('Correct-Horse-9', all)).toEqual([]);
  });

  it('counts an inner space as a symbol, but not a space at either end', () => {
    expect(brokenPasswordRules('Correct Horse9', all)).toEqual([]);
    expect(brokenPasswordRules(' CorrectHorse9 ', all)).toEqual(['symbols']);
  });

  it('counts length in UTF-16 code units, as String.length does', () => {
    // Four emoji: 4 code points, 8 UTF-16 units.
    expect(
      brokenPasswordRules('😀😀😀😀', {
        ...all,
        requireLowercase: false,
        requireUppercase: false,
        requireNumbers: false,
        requireSymbols: false,
      }),
    ).toEqual([]);
  });

  it('checks only the rules the policy requires', () => {
    const policy = { ...all, minimumLength: 12, requireUppercase: false, requireSymbols: false };
    expect(passwordRules(policy)).toEqual(['length', 'lowercase', 'numbers']);
    expect(brokenPasswordRules('alllowercase', policy)).toEqual(['numbers']);
  });
});
