/*
 * A tiny hash router: the app's few screens live in `location.hash`, so a reload or a shared link
 * lands on the same screen and folder. `parseRoute`/`routeHref` are pure; `useRoute` follows the hash.
 */
import { useSyncExternalStore } from 'react';

/** Every screen the app can show, with its parameters. */
export type Route =
  | { name: 'signIn' }
  | { name: 'signUp' }
  | { name: 'confirm'; email: string }
  | { name: 'forgot'; email: string }
  /** `path` is relative to the files prefix and ends with `/`, or is `''` for the root. */
  | { name: 'files'; path: string }
  /** The signed-in user's account: password, second factor, sessions, deletion. */
  | { name: 'account' };

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
  if (pathPart === 'files' || pathPart.startsWith('files/')) {
    const segments = pathPart
      .slice('files'.length)
      .split('/')
      .filter((s) => s !== '')
      .map(safeDecode)
      // `.` and `..` would let a hand-typed hash escape the folder it names.
      .filter((s) => s !== '.' && s !== '..');
    return { name: 'files', path: segments.map((s) => `${s}/`).join('') };
  }
  return { name: 'files', path: '' };
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
      return `#/files/${segments.map((s) => `${encodeURIComponent(s)}/`).join('')}`;
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
