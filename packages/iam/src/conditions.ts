/*
 * The Condition element: every operator in the block and every key under an operator must hold
 * (AND); several policy values for one key match if any does (OR), or, for negated operators,
 * if none does (NOR). A missing key makes a condition false, except that negated operators are
 * then true, `...IfExists` is true, and `Null` tests presence itself. `ForAllValues:` is true
 * when every request value matches (and when the key is missing or empty); `ForAnyValue:` when
 * at least one does (false when missing or empty). All of these are AWS's documented rules.
 * The block is compiled once per policy; an unknown operator throws instead of being skipped.
 */
import { BadConditionValue, findConditionOperator, type ValueTest } from './condition-operators.js';
import type { Scalar } from './condition-values.js';
import {
  InvalidPolicyError,
  intrinsicHint,
  type PolicyLocation,
  UnsupportedConditionOperatorError,
} from './errors.js';
import type { ContextLookup } from './request-context.js';
import type { ConditionBlock, ContextValue } from './types.js';

/** One compiled `operator: { key: values }` entry. */
export interface CompiledCondition {
  /** As written in the policy, e.g. `ForAnyValue:StringLikeIfExists`. */
  operator: string;
  key: string;
  holds(lookup: ContextLookup): boolean;
}

type SetOperator = 'ForAnyValue' | 'ForAllValues' | undefined;

function requestValues(value: ContextValue | undefined): Scalar[] | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value : [value];
}

function policyValues(raw: unknown, at: PolicyLocation, operator: string, key: string): Scalar[] {
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0)
    throw new InvalidPolicyError(at, `condition ${operator} on "${key}" has no values`);
  for (const v of values) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new InvalidPolicyError(
        at,
        `condition ${operator} on "${key}" has a value that is not a string: ${JSON.stringify(v)}${intrinsicHint(v)}`,
      );
    }
  }
  return values as Scalar[];
}

function compileNull(values: Scalar[], at: PolicyLocation, key: string): (lookup: ContextLookup) => boolean {
  const wanted = values.map((v) => {
    const text = String(v).toLowerCase();
    if (text !== 'true' && text !== 'false') {
      throw new InvalidPolicyError(
        at,
        `condition Null on "${key}" must be "true" (key absent) or "false" (key present)`,
      );
    }
    return text === 'true';
  });
  return (lookup) => {
    const absent = requestValues(lookup(key)) === undefined;
    return wanted.some((w) => w === absent);
  };
}

function compileOne(
  written: string,
  key: string,
  raw: unknown,
  at: PolicyLocation,
  variables: boolean,
): CompiledCondition {
  let name = written;
  let set: SetOperator;
  for (const prefix of ['ForAnyValue', 'ForAllValues'] as const) {
    if (name.startsWith(`${prefix}:`)) {
      set = prefix;
      name = name.slice(prefix.length + 1);
      break;
    }
  }
  const ifExists = name.endsWith('IfExists');
  if (ifExists) name = name.slice(0, -'IfExists'.length);
  const values = policyValues(raw, at, written, key);

  if (name === 'Null') {
    if (set || ifExists) throw new UnsupportedConditionOperatorError(at, written);
    return { operator: written, key, holds: compileNull(values, at, key) };
  }
  const operator = findConditionOperator(name);
  if (!operator) throw new UnsupportedConditionOperatorError(at, written);
  let test: ValueTest;
  try {
    test = operator.compile(values, variables);
  } catch (error) {
    if (!(error instanceof BadConditionValue)) throw error;
    throw new InvalidPolicyError(at, `condition ${written} on "${key}": ${error.message}`, { cause: error });
  }
  // One request value passes when it matches a policy value (positive) or matches none (negated).
  const passes = (value: Scalar, lookup: ContextLookup) => test(value, lookup) !== operator.negated;

  const holds = (lookup: ContextLookup): boolean => {
    const request = requestValues(lookup(key));
    if (set) {
      // AWS: a missing key or an empty value set (including "") is an empty set.
      const members = (request ?? []).filter((v) => v !== '');
      if (members.length === 0) return set === 'ForAllValues' || ifExists;
      return set === 'ForAllValues'
        ? members.every((v) => passes(v, lookup))
        : members.some((v) => passes(v, lookup));
    }
    if (request === undefined) return ifExists || operator.negated;
    const anyMatch = request.some((v) => test(v, lookup));
    return anyMatch !== operator.negated;
  };
  return { operator: written, key, holds };
}

/**
 * Compiles a statement's Condition block. Throws UnsupportedConditionOperatorError for an unknown
 * operator and InvalidPolicyError for a value the operator cannot use.
 */
export function compileConditions(
  block: ConditionBlock | undefined,
  at: PolicyLocation,
  variables: boolean,
): CompiledCondition[] {
  if (block === undefined) return [];
  if (typeof block !== 'object' || block === null || Array.isArray(block)) {
    throw new InvalidPolicyError(at, 'Condition must be an object of operators');
  }
  const compiled: CompiledCondition[] = [];
  for (const [operator, entries] of Object.entries(block)) {
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
      throw new InvalidPolicyError(at, `condition ${operator} must map condition keys to values`);
    }
    for (const [key, raw] of Object.entries(entries)) {
      compiled.push(compileOne(operator, key, raw, at, variables));
    }
  }
  return compiled;
}

/** Whether every compiled condition holds for the request (an empty block always holds). */
export function conditionsHold(conditions: readonly CompiledCondition[], lookup: ContextLookup): boolean {
  return conditions.every((condition) => condition.holds(lookup));
}
