/*
 * Tests for the typed value conversions behind numeric, date, boolean and binary conditions.
 */
import { describe, expect, it } from 'vitest';
import { toBinary, toBoolean, toEpochMillis, toNumber } from './condition-values.js';

describe('condition values', () => {
  it('reads numbers from numbers and numeric strings only', () => {
    expect(toNumber('10')).toBe(10);
    expect(toNumber(' 2.5 ')).toBe(2.5);
    expect(toNumber('-1e3')).toBe(-1000);
    expect(toNumber(7)).toBe(7);
    expect(toNumber('ten')).toBeUndefined();
    expect(toNumber('')).toBeUndefined();
    expect(toNumber('0x10')).toBeUndefined();
    expect(toNumber(true)).toBeUndefined();
  });

  it('reads dates as ISO 8601 or epoch seconds', () => {
    const millis = Date.UTC(2020, 0, 1, 0, 0, 1);
    expect(toEpochMillis('2020-01-01T00:00:01Z')).toBe(millis);
    expect(toEpochMillis(String(millis / 1000))).toBe(millis);
    expect(toEpochMillis(millis / 1000)).toBe(millis);
    expect(toEpochMillis('2020-01-01')).toBe(Date.UTC(2020, 0, 1));
    expect(toEpochMillis('2020-01-01T01:00:01+01:00')).toBe(millis);
    expect(toEpochMillis('January 1, 2020')).toBeUndefined();
    expect(toEpochMillis('2020-13-45T00:00:00Z')).toBeUndefined();
  });

  it('reads booleans case-insensitively', () => {
    expect(toBoolean('TRUE')).toBe(true);
    expect(toBoolean(false)).toBe(false);
    expect(toBoolean('yes')).toBeUndefined();
  });

  it('decodes base64 and rejects anything else', () => {
    expect(toBinary('QmluYXJ5VmFsdWVJbkJhc2U2NA==')).toBe('BinaryValueInBase64');
    expect(toBinary('not base64!')).toBeUndefined();
    expect(toBinary('abc')).toBeUndefined();
  });
});
