/* Unit tests for the password policy: each rule is named in the error it raises. */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PasswordPolicy } from '../../stack-model.js';
import { InvalidPasswordError } from '../errors.js';
import { enforcePasswordPolicy, generatePassword } from './password-policy.js';

const strict: PasswordPolicy = {
  minimumLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
};

describe('enforcePasswordPolicy', () => {
  it.each([
    ['Ab1!', 'Password not long enough'],
    ['ABCDEFG1!', 'Password must have lowercase characters'],
    ['abcdefg1!', 'Password must have uppercase characters'],
    ['Abcdefgh!', 'Password must have numeric characters'],
    ['Abcdefgh1', 'Password must have symbol characters'],
    [' Abcdefgh1 ', 'Password must have symbol characters'],
  ])('rejects %j with "%s"', (password, rule) => {
    expect(() => enforcePasswordPolicy(password, strict)).toThrow(InvalidPasswordError);
    expect(() => enforcePasswordPolicy(password, strict)).toThrow(
      `Password did not conform with policy: ${rule}`,
    );
  });

  it('accepts a password meeting every rule, and a space inside as the symbol', () => {
    expect(() => enforcePasswordPolicy('Abcdefg1!', strict)).not.toThrow();
    expect(() => enforcePasswordPolicy('Abcd efg1', strict)).not.toThrow();
  });

  it('only checks the rules the policy turns on', () => {
    const lax = { ...strict, requireSymbols: false, requireUppercase: false };
    expect(() => enforcePasswordPolicy('abcdefg1', lax)).not.toThrow();
  });
});

describe('generatePassword', () => {
  it('generates passwords that pass the policy', () => {
    for (let i = 0; i < 50; i++) {
      expect(() => enforcePasswordPolicy(generatePassword(strict, randomInt), strict)).not.toThrow();
    }
  });
});
