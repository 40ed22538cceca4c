/*
 * Tests of the mirrored password rules.
 */
import { describe, expect, it } from 'vitest';
import { PASSWORD_RULES, rulesFor, unmetRules } from './password-policy';

describe('password rules', () => {
  it('reports every rule a short lowercase password misses', () => {
    expect(unmetRules('abc').map((r) => r.id)).toEqual(['length', 'uppercase', 'number', 'symbol']);
  });

  it('accepts a password that meets every rule', () => {
    expect(unmetRules('Correct-Horse-9')).toEqual([]);
  });

  it('counts Cognito symbols but not letters or spaces as symbols', () => {
    const symbol = PASSWORD_RULES.find((r) => r.id === 'symbol');
    expect(symbol?.test('abc^')).toBe(true);
    expect(symbol?.test('abc def')).toBe(false);
  });

  it('drops rules the policy does not require', () => {
    const rules = rulesFor({
      minimumLength: 12,
      requireLowercase: false,
      requireUppercase: false,
      requireNumbers: true,
      requireSymbols: false,
    });
    expect(rules.map((r) => r.id)).toEqual(['length', 'number']);
    expect(rules[0]?.label).toBe('At least 12 characters');
  });
});
