/*
 * Resource and NotResource matching. ARNs are compared case-sensitively, field by field: the
 * partition, service, region and account fields each match on their own (a wildcard does not run
 * from one field into the next), while in the resource part `*` spans `/` and `:`, so
 * `arn:aws:s3:::bucket/public/*` matches `arn:aws:s3:::bucket/public/dir/a.txt`. A bare `*`
 * matches every resource. Policy variables in the pattern are expanded first; a pattern whose
 * variable is missing matches nothing.
 */
import { type GlobPattern, type GlobToken, matchGlob } from './glob.js';
import { expandToGlob } from './policy-variables.js';
import type { ContextLookup } from './request-context.js';

/** Number of colon-separated fields before the free-form resource part: arn:partition:service:region:account. */
const PREFIX_FIELDS = 5;

/** Splits a token pattern at its first five `:` characters, like an ARN. `undefined` if it has fewer. */
function splitPatternFields(pattern: GlobPattern): GlobToken[][] | undefined {
  const fields: GlobToken[][] = [[]];
  for (const token of pattern) {
    const current = fields.at(-1) as GlobToken[];
    if (token.kind !== 'text' || fields.length > PREFIX_FIELDS) {
      current.push(token);
      continue;
    }
    let text = token.text;
    let colon = text.indexOf(':');
    while (colon >= 0 && fields.length <= PREFIX_FIELDS) {
      if (colon > 0) (fields.at(-1) as GlobToken[]).push({ kind: 'text', text: text.slice(0, colon) });
      fields.push([]);
      text = text.slice(colon + 1);
      colon = text.indexOf(':');
    }
    if (text) (fields.at(-1) as GlobToken[]).push({ kind: 'text', text });
  }
  return fields.length === PREFIX_FIELDS + 1 ? fields : undefined;
}

function splitArnFields(arn: string): string[] | undefined {
  const parts = arn.split(':');
  if (parts.length < PREFIX_FIELDS + 1) return undefined;
  return [...parts.slice(0, PREFIX_FIELDS), parts.slice(PREFIX_FIELDS).join(':')];
}

/** Whether `arn` matches a compiled ARN pattern, field by field when both look like ARNs. */
export function matchArnPattern(pattern: GlobPattern, arn: string): boolean {
  const patternFields = splitPatternFields(pattern);
  const arnFields = splitArnFields(arn);
  if (!patternFields || !arnFields) return matchGlob(pattern, arn);
  return patternFields.every((field, i) => matchGlob(field, arnFields[i] as string));
}

/**
 * Whether `resource` matches one Resource pattern, after expanding policy variables.
 * `variables` is false for policies without `Version: "2012-10-17"`.
 */
export function matchesResource(
  pattern: string,
  resource: string,
  lookup: ContextLookup,
  variables: boolean,
): boolean {
  if (pattern === '*') return true;
  const glob = expandToGlob(pattern, lookup, variables);
  return glob !== undefined && matchArnPattern(glob, resource);
}

/** Whether `resource` matches any of the patterns (the Resource element's list is an OR). */
export function matchesAnyResource(
  patterns: readonly string[],
  resource: string,
  lookup: ContextLookup,
  variables: boolean,
): boolean {
  return patterns.some((pattern) => matchesResource(pattern, resource, lookup, variables));
}
