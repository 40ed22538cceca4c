/*
 * The query parameters ListObjectsV2 and ListObjectVersions share, checked as S3 checks them:
 * `max-keys` (a non-negative integer; at most 1,000 are returned), `encoding-type` (only `url`),
 * `prefix` and `delimiter`, and S3's `encoding-type=url` encoding of keys in the answer.
 */
import { S3Errors } from '../errors.js';
import { type Query, queryValue } from '../request-url.js';

/** The most entries one list page returns. */
const MAX_KEYS = 1000;

export interface ListInput {
  prefix: string;
  delimiter?: string;
  /** As asked (S3 echoes it). */
  maxKeys: number;
  /** As listed: `maxKeys`, at most 1,000. */
  pageSize: number;
  encodingType?: string;
  /** Encodes a key or prefix as the answer carries it. */
  encode(text: string): string;
}

/** S3's `encoding-type=url`: percent-encoding with `/` kept and spaces as `+`. */
function urlEncode(text: string): string {
  return encodeURIComponent(text).replace(/%2F/g, '/').replace(/%20/g, '+');
}

/** Reads the shared list parameters; 400 InvalidArgument for a bad max-keys or encoding-type. */
export function readListInput(query: Query): ListInput {
  const maxKeysText = queryValue(query, 'max-keys');
  const maxKeys = maxKeysText === undefined ? MAX_KEYS : Number(maxKeysText);
  if (!Number.isInteger(maxKeys) || maxKeys < 0) {
    throw S3Errors.invalidArgument(
      'Provided max-keys not an integer or within integer range',
      'max-keys',
      maxKeysText,
    );
  }
  const encodingType = queryValue(query, 'encoding-type');
  if (encodingType !== undefined && encodingType !== 'url') {
    throw S3Errors.invalidArgument(
      'Invalid Encoding Method specified in Request',
      'encoding-type',
      encodingType,
    );
  }
  return {
    prefix: queryValue(query, 'prefix') ?? '',
    delimiter: queryValue(query, 'delimiter') || undefined,
    maxKeys,
    pageSize: Math.min(maxKeys, MAX_KEYS),
    encodingType,
    encode: encodingType === 'url' ? urlEncode : (text) => text,
  };
}
