/*
 * The wildcard matcher behind Action, Resource, StringLike and ArnLike: `*` matches any run of
 * characters (including `/` and `:`), `?` exactly one. Patterns are token lists rather than
 * strings so that characters coming from policy variables (`${*}`, a username containing `*`)
 * stay literal. Matching is a linear backtracking scan, never a RegExp, so a hostile pattern
 * cannot cause catastrophic backtracking.
 */

/** One element of a compiled pattern: a literal run of text, `*`, or `?`. */
export type GlobToken = { kind: 'text'; text: string } | { kind: 'star' } | { kind: 'one' };

/** A compiled wildcard pattern. */
export type GlobPattern = readonly GlobToken[];

/** Parses `*` and `?` in `pattern` as wildcards; every other character is literal. */
export function parseGlob(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  let text = '';
  for (const ch of pattern) {
    if (ch === '*' || ch === '?') {
      if (text) tokens.push({ kind: 'text', text });
      text = '';
      tokens.push(ch === '*' ? { kind: 'star' } : { kind: 'one' });
    } else {
      text += ch;
    }
  }
  if (text) tokens.push({ kind: 'text', text });
  return tokens;
}

/** A pattern that matches exactly `text`, wildcard characters included. */
export function literalGlob(text: string): GlobToken[] {
  return text ? [{ kind: 'text', text }] : [];
}

/** Flattens the pattern to single characters, the unit the matcher walks. */
type Unit = { kind: 'char'; ch: string } | { kind: 'star' } | { kind: 'one' };

function toUnits(pattern: GlobPattern, ignoreCase: boolean): Unit[] {
  const units: Unit[] = [];
  for (const token of pattern) {
    if (token.kind !== 'text') {
      // Consecutive stars are one star; keeping one avoids redundant backtracking.
      if (token.kind === 'star' && units.at(-1)?.kind === 'star') continue;
      units.push(token);
      continue;
    }
    const text = ignoreCase ? token.text.toLowerCase() : token.text;
    for (const ch of text) units.push({ kind: 'char', ch });
  }
  return units;
}

/**
 * Whether `text` matches `pattern` as a whole. `ignoreCase` compares with `toLowerCase` on both
 * sides (actions and `...IgnoreCase` operators); resources and ARNs are case-sensitive.
 */
export function matchGlob(
  pattern: GlobPattern,
  text: string,
  options: { ignoreCase?: boolean } = {},
): boolean {
  const ignoreCase = options.ignoreCase ?? false;
  const units = toUnits(pattern, ignoreCase);
  const chars = Array.from(ignoreCase ? text.toLowerCase() : text);
  let p = 0;
  let t = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < chars.length) {
    const unit = units[p];
    if (unit && (unit.kind === 'one' || (unit.kind === 'char' && unit.ch === chars[t]))) {
      p++;
      t++;
    } else if (unit?.kind === 'star') {
      starAt = p++;
      resumeAt = t;
    } else if (starAt >= 0) {
      p = starAt + 1;
      t = ++resumeAt;
    } else {
      return false;
    }
  }
  while (units[p]?.kind === 'star') p++;
  return p === units.length;
}
