/*
 * Action and NotAction matching. AWS compares actions case-insensitively (`s3:getobject` equals
 * `s3:GetObject`) and allows `*` and `?` anywhere after the service prefix, or a bare `*`.
 */
import { matchGlob, parseGlob } from './glob.js';

/** Whether an Action pattern is well formed: `*` or `service:ActionPattern`. */
export function isValidActionPattern(pattern: string): boolean {
  return pattern === '*' || /^[A-Za-z0-9-]+:[A-Za-z0-9*?-]+$/.test(pattern);
}

/** Whether `action` (e.g. `s3:GetObject`) matches one Action pattern (e.g. `s3:Get*`). */
export function matchesAction(pattern: string, action: string): boolean {
  return matchGlob(parseGlob(pattern), action, { ignoreCase: true });
}

/** Whether `action` matches any of the patterns (the Action element's list is an OR). */
export function matchesAnyAction(patterns: readonly string[], action: string): boolean {
  return patterns.some((pattern) => matchesAction(pattern, action));
}
