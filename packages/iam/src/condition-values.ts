/*
 * Conversions of policy and request values for the typed condition operators: numbers, dates
 * (ISO 8601 or epoch seconds), booleans and base64 binary. Each returns `undefined` for a value
 * that is not of its type, so a malformed request value simply fails to match while a malformed
 * policy value can be reported as an invalid policy.
 */

/** A single value from a policy or the request context. */
export type Scalar = string | number | boolean;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** `10`, `"10"`, `"2.5"`, `"-1e3"` as numbers. */
export function toNumber(value: Scalar): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !NUMBER.test(value.trim())) return undefined;
  return Number(value.trim());
}

/**
 * A date as epoch milliseconds: ISO 8601 (`2026-01-01T00:00:00Z`, `2026-01-01`) or epoch seconds
 * (`1767225600`, as a number or a string), the two forms AWS accepts for date conditions.
 */
export function toEpochMillis(value: Scalar): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value * 1000 : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!ISO_DATE.test(text)) return undefined;
  const millis = Date.parse(text);
  return Number.isNaN(millis) ? undefined : millis;
}

/** `true`, `"true"`, `"TRUE"` → true; `false`, `"false"` → false; anything else → undefined. */
export function toBoolean(value: Scalar): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  return text === 'true' ? true : text === 'false' ? false : undefined;
}

/** The bytes of a base64 value, as a binary string for comparison; `undefined` if not base64. */
export function toBinary(value: Scalar): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  try {
    return atob(text);
  } catch {
    return undefined;
  }
}
