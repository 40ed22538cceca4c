/* Unit tests for the sealed box: round trip, tampering and foreign keys. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealedBox } from './sealed-box.js';

describe('createSealedBox', () => {
  it('opens what it sealed', () => {
    const box = createSealedBox(randomBytes(32));
    expect(box.open(box.seal({ a: 1, b: 'two' }))).toEqual({ a: 1, b: 'two' });
  });

  it('refuses a changed value, a value sealed with another key, and garbage', () => {
    const box = createSealedBox(randomBytes(32));
    const sealed = Buffer.from(box.seal({ a: 1 }), 'base64');
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    expect(box.open(sealed.toString('base64'))).toBeUndefined();
    expect(createSealedBox(randomBytes(32)).open(box.seal({ a: 1 }))).toBeUndefined();
    expect(box.open('not sealed')).toBeUndefined();
  });
});
