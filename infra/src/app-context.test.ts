/* Tests for the app's context flags: defaults, accepted spellings, and the errors for bad values. */
import { describe, expect, it } from 'vitest';
import { InvalidContextError, parseAppContext } from './app-context.js';

const from = (values: Record<string, unknown>) => parseAppContext((key) => values[key]);

describe('parseAppContext', () => {
  it('defaults to a retained stack serving http://localhost:5173', () => {
    expect(from({})).toEqual({ ephemeral: false, webOrigins: ['http://localhost:5173'], hosting: true });
  });

  it('turns hosting off with -c hosting=false and takes a site directory', () => {
    expect(from({ hosting: 'false' }).hosting).toBe(false);
    expect(from({ hosting: false }).hosting).toBe(false);
    expect(from({ siteDirectory: '/tmp/site' }).siteDirectory).toBe('/tmp/site');
    expect(() => from({ hosting: 'off' })).toThrow(/"hosting" must be true or false.*-c hosting=false/);
    expect(() => from({ siteDirectory: '' })).toThrow(/"siteDirectory" must be a folder path/);
  });

  it('reads ephemeral from -c strings and from cdk.json booleans', () => {
    expect(from({ ephemeral: 'true' }).ephemeral).toBe(true);
    expect(from({ ephemeral: true }).ephemeral).toBe(true);
    expect(from({ ephemeral: 'false' }).ephemeral).toBe(false);
  });

  it('throws InvalidContextError naming the flag when ephemeral is not true or false', () => {
    expect(() => from({ ephemeral: 'yes' })).toThrow(InvalidContextError);
    expect(() => from({ ephemeral: 'yes' })).toThrow(/"ephemeral" must be true or false.*-c ephemeral=true/);
  });

  it('splits comma-separated webOrigins, trims them and drops a trailing slash', () => {
    expect(from({ webOrigins: 'https://app.example.com/, http://localhost:5173' }).webOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
    expect(from({ webOrigins: ['https://a.example.com'] }).webOrigins).toEqual(['https://a.example.com']);
  });

  it('rejects webOrigins that are empty, not URLs, or carry a path', () => {
    expect(() => from({ webOrigins: ' , ' })).toThrow(/"webOrigins" is empty/);
    expect(() => from({ webOrigins: 'localhost:5173' })).toThrow(/is not an origin|is not a URL/);
    expect(() => from({ webOrigins: 'not a url' })).toThrow(/is not a URL/);
    expect(() => from({ webOrigins: 'https://app.example.com/path' })).toThrow(/is not an origin/);
    expect(() => from({ webOrigins: 42 })).toThrow(/comma-separated list/);
  });

  it('keeps the URL error as the cause', () => {
    try {
      from({ webOrigins: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).cause).toBeInstanceOf(TypeError);
    }
  });
});
