/*
 * The condition operators AWS documents, without their `ForAnyValue:`/`ForAllValues:` prefix or
 * `IfExists` suffix (conditions.ts handles those). Each operator compiles its policy values once
 * (rejecting ones that are not of its type) into a test of one request value in the positive
 * sense; negated operators (StringNotEquals, NotIpAddress, ...) reuse their positive twin and
 * conditions.ts applies AWS's NOR rule: true only when no policy value matches.
 */

import { type Scalar, toBinary, toBoolean, toEpochMillis, toNumber } from './condition-values.js';
import { matchGlob, parseGlob } from './glob.js';
import { type IpRange, ipInRange, parseIpAddress, parseIpRange } from './ip-address.js';
import { matchArnPattern } from './match-resource.js';
import { expandToGlob, expandToText } from './policy-variables.js';
import type { ContextLookup } from './request-context.js';

/** Whether one request value matches any of an operator's compiled policy values. */
export type ValueTest = (requestValue: Scalar, lookup: ContextLookup) => boolean;

/** Thrown by `compile` for a policy value the operator cannot use; conditions.ts adds the location. */
export class BadConditionValue extends Error {}

/** One base operator. */
export interface ConditionOperator {
  name: string;
  /** Negated operators match when no policy value matches (NOR), and when the key is missing. */
  negated: boolean;
  /** Compiles the policy values; `variables` says whether `${...}` is expanded (policy Version 2012-10-17). */
  compile(values: readonly Scalar[], variables: boolean): ValueTest;
}

type Compile = ConditionOperator['compile'];

function typed<T>(
  parse: (v: Scalar) => T | undefined,
  kind: string,
  compare: (request: T, policy: T) => boolean,
): Compile {
  return (values) => {
    const parsed = values.map((v) => {
      const p = parse(v);
      if (p === undefined) throw new BadConditionValue(`${JSON.stringify(v)} is not ${kind}`);
      return p;
    });
    return (requestValue) => {
      const r = parse(requestValue);
      return r !== undefined && parsed.some((p) => compare(r, p));
    };
  };
}

function stringOperator(match: (request: string, policy: string) => boolean, ignoreCase = false): Compile {
  return (values, variables) => {
    const texts = values.map(String);
    return (requestValue, lookup) => {
      const r = String(requestValue);
      return texts.some((t) => {
        const p = expandToText(t, lookup, variables);
        return p !== undefined && match(ignoreCase ? r.toLowerCase() : r, ignoreCase ? p.toLowerCase() : p);
      });
    };
  };
}

const stringLike: Compile = (values, variables) => {
  const texts = values.map(String);
  return (requestValue, lookup) =>
    texts.some((t) => {
      const glob = expandToGlob(t, lookup, variables);
      return glob !== undefined && matchGlob(glob, String(requestValue));
    });
};

const arnLike: Compile = (values, variables) => {
  const texts = values.map(String);
  return (requestValue, lookup) =>
    typeof requestValue === 'string' &&
    texts.some((t) => {
      const glob = t === '*' ? parseGlob('*') : expandToGlob(t, lookup, variables);
      return glob !== undefined && matchArnPattern(glob, requestValue);
    });
};

const boolEquals: Compile = (values, variables) => {
  const texts = values.map((v) => (typeof v === 'boolean' ? String(v) : String(v)));
  if (!variables || texts.every((t) => !t.includes('${'))) {
    for (const t of texts) {
      if (toBoolean(t) === undefined)
        throw new BadConditionValue(`${JSON.stringify(t)} is not "true" or "false"`);
    }
  }
  return (requestValue, lookup) => {
    const r = toBoolean(requestValue);
    return (
      r !== undefined &&
      texts.some((t) => {
        const p = expandToText(t, lookup, variables);
        return p !== undefined && toBoolean(p) === r;
      })
    );
  };
};

const ipAddress: Compile = (values) => {
  const ranges: IpRange[] = values.map((v) => {
    const range = typeof v === 'string' ? parseIpRange(v) : undefined;
    if (!range) throw new BadConditionValue(`${JSON.stringify(v)} is not an IP address or CIDR range`);
    return range;
  });
  return (requestValue) => {
    const address = typeof requestValue === 'string' ? parseIpAddress(requestValue.trim()) : undefined;
    return address !== undefined && ranges.some((range) => ipInRange(address, range));
  };
};

const positive: Record<string, Compile> = {
  StringEquals: stringOperator((r, p) => r === p),
  StringEqualsIgnoreCase: stringOperator((r, p) => r === p, true),
  StringLike: stringLike,
  NumericEquals: typed(toNumber, 'a number', (r, p) => r === p),
  NumericLessThan: typed(toNumber, 'a number', (r, p) => r < p),
  NumericLessThanEquals: typed(toNumber, 'a number', (r, p) => r <= p),
  NumericGreaterThan: typed(toNumber, 'a number', (r, p) => r > p),
  NumericGreaterThanEquals: typed(toNumber, 'a number', (r, p) => r >= p),
  DateEquals: typed(toEpochMillis, 'an ISO 8601 date or epoch seconds', (r, p) => r === p),
  DateLessThan: typed(toEpochMillis, 'an ISO 8601 date or epoch seconds', (r, p) => r < p),
  DateLessThanEquals: typed(toEpochMillis, 'an ISO 8601 date or epoch seconds', (r, p) => r <= p),
  DateGreaterThan: typed(toEpochMillis, 'an ISO 8601 date or epoch seconds', (r, p) => r > p),
  DateGreaterThanEquals: typed(toEpochMillis, 'an ISO 8601 date or epoch seconds', (r, p) => r >= p),
  Bool: boolEquals,
  BinaryEquals: typed(toBinary, 'base64', (r, p) => r === p),
  IpAddress: ipAddress,
  ArnEquals: arnLike,
  ArnLike: arnLike,
};

/** Negated operator → the positive operator it negates. */
const negations: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

/** Looks up a base operator by its exact AWS name (`StringLike`, `NotIpAddress`); `undefined` if unknown. */
export function findConditionOperator(name: string): ConditionOperator | undefined {
  const own = Object.hasOwn(positive, name) ? positive[name] : undefined;
  if (own) return { name, negated: false, compile: own };
  const twin = Object.hasOwn(negations, name) ? negations[name] : undefined;
  const compile = twin ? positive[twin] : undefined;
  return compile ? { name, negated: true, compile } : undefined;
}
