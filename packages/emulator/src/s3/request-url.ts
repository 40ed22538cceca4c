/*
 * Splits a raw request URL the way S3 reads it: the path exactly as sent (SigV4 signs it as is),
 * the bucket and the percent-decoded key (`+` stays `+`), and the query decoded into the map the
 * signer canonicalizes. Malformed percent-encoding is S3's InvalidURI. The query is a
 * prototype-free object: a parameter named `constructor` or `__proto__` is only a parameter.
 */
import { S3Errors, withCause } from './errors.js';

/** Query parameters by name, without a prototype (build one with {@link emptyQuery}). */
export type Query = Record<string, string | string[]>;

/** A new, empty, prototype-free query map. */
export function emptyQuery(): Query {
  return Object.create(null) as Query;
}

export interface RequestUrl {
  /** The path as sent, still percent-encoded. */
  rawPath: string;
  /** Empty for `/`. */
  bucket: string;
  /** Undefined for bucket-level requests (`/bucket` or `/bucket/`). */
  key?: string;
  query: Query;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (cause) {
    throw withCause(S3Errors.invalidUri(), cause);
  }
}

/** Parses `req.url` (path-style addressing). */
export function parseRequestUrl(url: string): RequestUrl {
  const mark = url.indexOf('?');
  const rawPath = mark < 0 ? url : url.slice(0, mark);
  const query = emptyQuery();
  if (mark >= 0) {
    for (const pair of url.slice(mark + 1).split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const name = decode(eq < 0 ? pair : pair.slice(0, eq));
      const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
      const existing = query[name];
      if (existing === undefined) query[name] = value;
      else if (Array.isArray(existing)) existing.push(value);
      else query[name] = [existing, value];
    }
  }
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  const slash = path.indexOf('/');
  const bucket = decode(slash < 0 ? path : path.slice(0, slash));
  const rawKey = slash < 0 ? '' : path.slice(slash + 1);
  return { rawPath, bucket, key: rawKey === '' ? undefined : decode(rawKey), query };
}

/** The first value of a query parameter (own parameters only, whatever object holds them). */
export function queryValue(query: Query, name: string): string | undefined {
  if (!Object.hasOwn(query, name)) return undefined;
  const value = query[name];
  return Array.isArray(value) ? value[0] : value;
}
