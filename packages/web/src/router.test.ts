/*
 * Tests of the hash router's parsing and formatting.
 */
import { describe, expect, it } from 'vitest';
import { filesRoute, parseRoute, type Route, routeHref } from './router';

describe('parseRoute', () => {
  it('reads the auth screens and their email parameter', () => {
    expect(parseRoute('#/sign-in')).toEqual({ name: 'signIn' });
    expect(parseRoute('#/confirm?email=a%40b.c')).toEqual({ name: 'confirm', email: 'a@b.c' });
    expect(parseRoute('#/forgot')).toEqual({ name: 'forgot', email: '' });
    expect(parseRoute('#/account')).toEqual({ name: 'account' });
  });

  it('defaults to the root of My files', () => {
    expect(parseRoute('')).toEqual(filesRoute('mine'));
    expect(parseRoute('#/nowhere')).toEqual(filesRoute('mine'));
  });

  it('reads the area, the folder and the recently deleted view', () => {
    expect(parseRoute('#/my/photos/')).toEqual(filesRoute('mine', 'photos/'));
    expect(parseRoute('#/shared/')).toEqual(filesRoute('shared'));
    expect(parseRoute('#/shared/a/?deleted')).toEqual(filesRoute('shared', 'a/', 'deleted'));
  });

  it('still leads the old #/files/ links to the shared folder', () => {
    expect(parseRoute('#/files/archive/')).toEqual(filesRoute('shared', 'archive/'));
  });

  it('decodes folder segments and drops dot segments', () => {
    expect(parseRoute('#/my/my%20photos/2024/')).toEqual(filesRoute('mine', 'my photos/2024/'));
    expect(parseRoute('#/shared/../private/')).toEqual(filesRoute('shared', 'private/'));
  });
});

describe('routeHref', () => {
  it('round-trips every route', () => {
    const routes: Route[] = [
      { name: 'signIn' },
      { name: 'signUp' },
      { name: 'confirm', email: 'x+y@example.com' },
      { name: 'forgot', email: 'x@example.com' },
      filesRoute('mine'),
      filesRoute('shared', 'a b/#c?/'),
      filesRoute('mine', 'x/', 'deleted'),
      { name: 'account' },
    ];
    for (const route of routes) expect(parseRoute(routeHref(route))).toEqual(route);
  });
});
