/*
 * Policy variables (`${aws:username}`, `${cognito-identity.amazonaws.com:sub}`,
 * `${aws:PrincipalTag/team, 'default'}`) in Resource elements and condition values. AWS replaces
 * each with the request's value for that key; `${*}`, `${?}` and `${$}` stand for the literal
 * characters. When a key is missing and no default is given, the element that holds it does not
 * match (AWS: "the policy variable is not replaced and the element does not match"), which is
 * why expansion returns `undefined` rather than an empty string. Variables only apply to policies
 * with `Version: "2012-10-17"`; older versions treat `${...}` as literal text.
 */
import { type GlobToken, literalGlob, parseGlob } from './glob.js';
import type { ContextLookup } from './request-context.js';

/** A piece of an expanded template; `literal` pieces came from variables and never act as wildcards. */
interface Segment {
  text: string;
  literal: boolean;
}

const ESCAPES: Record<string, string> = { '*': '*', '?': '?', $: '$' };
const VARIABLE = /^([A-Za-z0-9_.:/-]+)(?:\s*,\s*'([^']*)')?$/;

/**
 * Splits `template` into text and substituted variable values. Returns `undefined` when a
 * variable's key is missing (or multivalued) and it has no default.
 */
function expand(template: string, lookup: ContextLookup): Segment[] | undefined {
  const segments: Segment[] = [];
  let rest = template;
  for (;;) {
    const start = rest.indexOf('${');
    const end = start < 0 ? -1 : rest.indexOf('}', start + 2);
    if (start < 0 || end < 0) {
      if (rest) segments.push({ text: rest, literal: false });
      return segments;
    }
    if (start > 0) segments.push({ text: rest.slice(0, start), literal: false });
    const inner = rest.slice(start + 2, end).trim();
    rest = rest.slice(end + 1);
    const escaped = ESCAPES[inner];
    if (escaped !== undefined) {
      segments.push({ text: escaped, literal: true });
      continue;
    }
    const match = VARIABLE.exec(inner);
    if (!match?.[1]) {
      // Not a variable reference at all: keep the characters as written.
      segments.push({ text: `\${${inner}}`, literal: false });
      continue;
    }
    const value = lookup(match[1]);
    const text =
      typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : undefined;
    const resolved = text ?? match[2];
    if (resolved === undefined) return undefined;
    segments.push({ text: resolved, literal: true });
  }
}

/** Whether a policy's Version enables policy variables. */
export function variablesEnabled(version: string | undefined): boolean {
  return version === '2012-10-17';
}

/**
 * Expands `template` into a wildcard pattern: `*`/`?` written in the policy are wildcards,
 * characters that came from variables are literal. `undefined` when a variable is missing.
 */
export function expandToGlob(
  template: string,
  lookup: ContextLookup,
  enabled: boolean,
): GlobToken[] | undefined {
  if (!enabled || !template.includes('${')) return parseGlob(template);
  const segments = expand(template, lookup);
  if (!segments) return undefined;
  return segments.flatMap((s) => (s.literal ? literalGlob(s.text) : parseGlob(s.text)));
}

/** Expands `template` into plain text (for exact-match operators). `undefined` when a variable is missing. */
export function expandToText(template: string, lookup: ContextLookup, enabled: boolean): string | undefined {
  if (!enabled || !template.includes('${')) return template;
  return expand(template, lookup)
    ?.map((s) => s.text)
    .join('');
}
