/*
 * A tiny hash router: the app's few screens live in `location.hash`, so a reload or a shared link
 * lands on the same screen, area and folder. `parseRoute`/`routeHref` are pure; `useRoute` follows
 * the hash. The areas are `#/my/…` (My files) and `#/shared/…` (Shared); `#/files/…`, the address of
 * the shared folder before there were two areas, still leads there so old links keep working.
 */
import type { AreaName } from 'auth-s3';
import { useSyncExternalStore } from 'react';

/** What the files view shows of a folder: its files, or its recently deleted files. */
export type FilesView = 'browse' | 'deleted';

/** Every screen the app can show, with its parameters. */
export type Route =
  | { name: 'signIn' }
  | { name: 'signUp' }
  | { name: 'confirm'; email: string }
  | { name: 'forgot'; email: string }
  /** `path` is relative to the area and ends with `/`, or is `''` for the area's root. */
  | { name: 'files'; area: AreaName; path: string; view: FilesView }
  /** The signed-in user's account: password, second factor, sessions, deletion. */
  | { name: 'account' };

/** The hash segment of each area. */
const AREA_SEGMENTS: Record<AreaName, string> = { mine: 'my', shared: 'shared' };
const SEGMENT_AREAS: Record<string, AreaName> = { my: 'mine', shared: 'shared', files: 'shared' };

/** The route of a folder: `filesRoute('mine', 'photos/')`. */
export function filesRoute(area: AreaName, path = '', view: FilesView = 'browse'): Route {
  return { name: 'files', area, path, view };
}

/** Reads a route from a hash such as `#/files/photos/2024/` or `#/confirm?email=a%40b.c`. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const params = new URLSearchParams(query);
  const email = params.get('email') ?? '';
  if (pathPart === 'sign-in') return { name: 'signIn' };
  if (pathPart === 'sign-up') return { name: 'signUp' };
  if (pathPart === 'confirm') return { name: 'confirm', email };
  if (pathPart === 'forgot') return { name: 'forgot', email };
  if (pathPart === 'account') return { name: 'account' };
  const [first = '', ...rest] = pathPart.split('/');
  const area = SEGMENT_AREAS[first];
  if (area) {
    const segments = rest
      .filter((s) => s !== '')
      .map(safeDecode)
      // `.` and `..` would let a hand-typed hash escape the folder it names.
      .filter((s) => s !== '.' && s !== '..');
    const view = params.has('deleted') ? 'deleted' : 'browse';
    return filesRoute(area, segments.map((s) => `${s}/`).join(''), view);
  }
  return filesRoute('mine');
}

/** The hash for a route, the inverse of {@link parseRoute}. */
export function routeHref(route: Route): string {
  switch (route.name) {
    case 'signIn':
      return '#/sign-in';
    case 'signUp':
      return '#/sign-up';
    case 'confirm':
      return `#/confirm?${new URLSearchParams({ email: route.email })}`;
    case 'forgot':
      return route.email ? `#/forgot?${new URLSearchParams({ email: route.email })}` : '#/forgot';
    case 'account':
      return '#/account';
    case 'files': {
      const segments = route.path.split('/').filter((s) => s !== '');
      const folder = segments.map((s) => `${encodeURIComponent(s)}/`).join('');
      return `#/${AREA_SEGMENTS[route.area]}/${folder}${route.view === 'deleted' ? '?deleted' : ''}`;
    }
  }
}

/** Goes to a route; `replace` keeps the current entry out of the history (redirects). */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = routeHref(route);
  if (options.replace) {
    history.replaceState(history.state, '', href);
    // replaceState fires no hashchange; tell the subscribers ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current route, re-rendering when the hash changes. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
