/*
 * Tests of the hash router's parsing and formatting.
 */
import { describe, expect, it } from 'vitest';
import { parseRoute, type Route, routeHref } from './router';

describe('parseRoute', () => {
  it('reads the auth screens and their email parameter', () => {
    expect(parseRoute('#/sign-in')).toEqual({ name: 'signIn' });
    expect(parseRoute('#/confirm?email=a%40b.c')).toEqual({ name: 'confirm', email: 'a@b.c' });
    expect(parseRoute('#/forgot')).toEqual({ name: 'forgot', email: '' });
    expect(parseRoute('#/account')).toEqual({ name: 'account' });
  });

  it('defaults to the root folder', () => {
    expect(parseRoute('')).toEqual({ name: 'files', path: '' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'files', path: '' });
  });

  it('decodes folder segments and drops dot segments', () => {
    expect(parseRoute('#/files/my%20photos/2024/')).toEqual({ name: 'files', path: 'my photos/2024/' });
    expect(parseRoute('#/files/../private/')).toEqual({ name: 'files', path: 'private/' });
  });
});

describe('routeHref', () => {
  it('round-trips every route', () => {
    const routes: Route[] = [
      { name: 'signIn' },
      { name: 'signUp' },
      { name: 'confirm', email: 'x+y@example.com' },
      { name: 'forgot', email: 'x@example.com' },
      { name: 'files', path: '' },
      { name: 'files', path: 'a b/#c?/' },
      { name: 'account' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
