/*
 * S3 lists keys in UTF-8 binary order. JavaScript compares strings by UTF-16 code units, which
 * disagrees for characters above U+FFFF versus U+E000–U+FFFF; these helpers compare and search the
 * sorted key index in S3's order.
 */

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** Compares two keys in UTF-8 byte order (negative, zero, positive). */
export function compareKeys(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    // A surrogate encodes a code point above U+FFFF, which sorts after every BMP character in UTF-8.
    if (isSurrogate(ca) !== isSurrogate(cb) && (ca >= 0xe000 || cb >= 0xe000))
      return isSurrogate(ca) ? 1 : -1;
    return ca - cb;
  }
  return a.length - b.length;
}

/** Index of the first key in `sorted` that is greater than `key` (or ≥ when `inclusive`). */
export function lowerBound(sorted: readonly string[], key: string, inclusive = true): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const c = compareKeys(sorted[mid] as string, key);
    if (c < 0 || (!inclusive && c === 0)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** From `start`, where keys with `prefix` begin, the index of the first key without it. */
export function endOfPrefix(sorted: readonly string[], prefix: string, start: number): number {
  let low = start;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as string).startsWith(prefix)) low = mid + 1;
    else high = mid;
  }
  return low;
}
