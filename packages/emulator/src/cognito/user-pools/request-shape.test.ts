/* Unit tests for the input shape check: JSON types, constraints, the message AWS words. */
import { describe, expect, it } from 'vitest';
import { InvalidParameterError, SerializationError } from '../errors.js';
import { assertShape, integer, list, map, string, struct } from './request-shape.js';

const shape = struct(
  {
    ClientId: string({ min: 1, max: 8, pattern: '[\\w+]+' }),
    Password: string({ max: 4, sensitive: true }),
    Flow: string({ enum: ['A', 'B'] }),
    Limit: integer({ min: 0, max: 60 }),
    Items: list(struct({ Name: string({ min: 1 }) }, ['Name'])),
    Logins: map(string(), string()),
  },
  ['ClientId'],
);
const invalid = (message: string) => new InvalidParameterError(message);
const check = (request: unknown) => () => assertShape(request, shape, invalid);

describe('assertShape', () => {
  it('accepts a request that fits, ignoring members it does not declare', () => {
    expect(check({ ClientId: 'abc', Limit: 0, Items: [{ Name: 'x' }], Other: { any: 1 } })).not.toThrow();
  });

  it('throws SerializationError for a member of the wrong JSON type, naming it', () => {
    expect(check({ ClientId: 5 })).toThrow(SerializationError);
    expect(check({ ClientId: 'a', Items: { Name: 'x' } })).toThrow(/'items'/);
    expect(check({ ClientId: 'a', Limit: '5' })).toThrow(SerializationError);
    expect(check({ ClientId: 'a', Logins: { p: 1 } })).toThrow(/'logins\.p\.value'/);
  });

  it('lists every broken constraint in one message, without echoing sensitive values', () => {
    expect(check({ ClientId: 'a-b', Password: 'secret', Flow: 'C', Limit: 61, Items: [null] })).toThrow(
      new InvalidParameterError(
        "5 validation errors detected: Value 'a-b' at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+; " +
          "Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 4; " +
          "Value 'C' at 'flow' failed to satisfy constraint: Member must satisfy enum value set: [A, B]; " +
          "Value '61' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60; " +
          "Value null at 'items.1.member' failed to satisfy constraint: Member must not be null",
      ),
    );
  });

  it('treats null as absent, so a required member that is null must not be null', () => {
    expect(check({ ClientId: null })).toThrow(
      "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    );
    expect(check({ ClientId: 'a', Items: [{}] })).toThrow(/at 'items\.1\.member\.name'/);
  });

  it('holds an empty string to the length and the pattern, as AWS does', () => {
    expect(check({ ClientId: '' })).toThrow(
      "2 validation errors detected: Value '' at 'clientId' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '' at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+",
    );
  });

  it('counts characters, not UTF-16 units, against a length', () => {
    expect(check({ ClientId: 'a', Password: '😀😀😀😀' })).not.toThrow();
  });
});
