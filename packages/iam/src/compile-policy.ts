/*
 * Checks a policy document against IAM's grammar and turns it into the normalized form the
 * evaluator walks: lists instead of one-or-many values, conditions compiled. Anything the
 * evaluator could misread (a typo such as `Resources`, both Action and NotAction, a Principal in
 * an identity policy, an unknown condition operator) throws, because a policy the emulator
 * cannot evaluate exactly must fail loudly rather than allow or deny by accident. Documents are
 * compiled on every evaluation, not cached, so a test that edits a policy object sees its edit.
 */
import { type CompiledCondition, compileConditions } from './conditions.js';
import { InvalidPolicyError, intrinsicHint, type PolicyLocation } from './errors.js';
import { isValidActionPattern } from './match-action.js';
import { variablesEnabled } from './policy-variables.js';
import { PRINCIPAL_TYPES } from './principal.js';
import type { NamedPolicy, PolicyStatement, Principal } from './types.js';

/** A statement ready to evaluate. Exactly one of each pair (actions/notActions, ...) is set. */
export interface CompiledStatement {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  principal?: Principal;
  notPrincipal?: Principal;
  conditions: CompiledCondition[];
}

/** A policy ready to evaluate. */
export interface CompiledPolicy {
  name: string;
  kind: NamedPolicy['kind'];
  /** Whether `${...}` policy variables are expanded (Version 2012-10-17). */
  variables: boolean;
  statements: CompiledStatement[];
}

const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Principal',
  'NotPrincipal',
  'Condition',
]);

function stringList(value: unknown, at: PolicyLocation, element: string): string[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every((v) => typeof v === 'string' && v !== '')) {
    throw new InvalidPolicyError(
      at,
      `${element} must be a non-empty string or list of strings${intrinsicHint(value)}`,
    );
  }
  return list as string[];
}

function onlyOne(
  statement: PolicyStatement,
  a: keyof PolicyStatement,
  b: keyof PolicyStatement,
  at: PolicyLocation,
) {
  const hasA = statement[a] !== undefined;
  const hasB = statement[b] !== undefined;
  if (hasA && hasB) throw new InvalidPolicyError(at, `use either ${a} or ${b}, not both`);
  if (!hasA && !hasB) throw new InvalidPolicyError(at, `add ${a} (or ${b}); a statement needs one`);
}

/** AWS substitutes variables only after an ARN's fifth colon (the resource part). */
function hasVariableBeforeResourcePart(pattern: string): boolean {
  const variable = pattern.indexOf('${');
  if (variable < 0) return false;
  const colonsBefore = pattern.slice(0, variable).split(':').length - 1;
  return colonsBefore < 5;
}

function checkPrincipal(value: unknown, at: PolicyLocation, element: string): Principal {
  if (value === '*') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidPolicyError(at, `${element} must be "*" or an object such as { "AWS": "<arn>" }`);
  }
  for (const [type, entries] of Object.entries(value)) {
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(type)) {
      throw new InvalidPolicyError(
        at,
        `${element} type "${type}" is unknown; use one of ${PRINCIPAL_TYPES.join(', ')}`,
      );
    }
    stringList(entries, at, `${element}.${type}`);
  }
  return value as Principal;
}

function compileStatement(
  raw: PolicyStatement,
  index: number,
  policy: NamedPolicy,
  variables: boolean,
): CompiledStatement {
  const at: PolicyLocation = { policy: policy.name, index };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidPolicyError(at, 'a statement must be an object');
  }
  if (raw.Sid !== undefined) {
    if (typeof raw.Sid !== 'string') throw new InvalidPolicyError(at, 'Sid must be a string');
    at.sid = raw.Sid;
  }
  for (const key of Object.keys(raw)) {
    if (!STATEMENT_KEYS.has(key)) {
      throw new InvalidPolicyError(
        at,
        `unknown element "${key}"; a statement may hold ${[...STATEMENT_KEYS].join(', ')}`,
      );
    }
  }
  if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny') {
    throw new InvalidPolicyError(at, `Effect must be "Allow" or "Deny", not ${JSON.stringify(raw.Effect)}`);
  }
  onlyOne(raw, 'Action', 'NotAction', at);
  onlyOne(raw, 'Resource', 'NotResource', at);
  if (policy.kind === 'identity' && (raw.Principal !== undefined || raw.NotPrincipal !== undefined)) {
    throw new InvalidPolicyError(
      at,
      'an identity policy cannot name a Principal; the caller is the principal',
    );
  }
  if (policy.kind === 'resource') onlyOne(raw, 'Principal', 'NotPrincipal', at);

  const statement: CompiledStatement = {
    index,
    effect: raw.Effect,
    conditions: compileConditions(raw.Condition, at, variables),
  };
  if (at.sid !== undefined) statement.sid = at.sid;
  for (const [element, field] of [
    ['Action', 'actions'],
    ['NotAction', 'notActions'],
  ] as const) {
    if (raw[element] === undefined) continue;
    const patterns = stringList(raw[element], at, element);
    const bad = patterns.find((p) => !isValidActionPattern(p));
    if (bad)
      throw new InvalidPolicyError(
        at,
        `${element} "${bad}" is not "*" or "service:Action" (e.g. "s3:GetObject")`,
      );
    statement[field] = patterns;
  }
  for (const [element, field] of [
    ['Resource', 'resources'],
    ['NotResource', 'notResources'],
  ] as const) {
    if (raw[element] === undefined) continue;
    const patterns = stringList(raw[element], at, element);
    const notArn = patterns.find((p) => p !== '*' && !p.startsWith('arn:'));
    if (notArn) {
      throw new InvalidPolicyError(
        at,
        `${element} "${notArn}" must be "*" or an ARN such as "arn:aws:s3:::bucket/*"`,
      );
    }
    const bad = variables ? patterns.find(hasVariableBeforeResourcePart) : undefined;
    if (bad) {
      throw new InvalidPolicyError(
        at,
        `${element} "${bad}" uses a policy variable before the fifth colon; AWS only substitutes variables in the resource part of an ARN`,
      );
    }
    statement[field] = patterns;
  }
  if (raw.Principal !== undefined) statement.principal = checkPrincipal(raw.Principal, at, 'Principal');
  if (raw.NotPrincipal !== undefined)
    statement.notPrincipal = checkPrincipal(raw.NotPrincipal, at, 'NotPrincipal');
  return statement;
}

/** Validates and normalizes one named policy. Throws InvalidPolicyError or UnsupportedConditionOperatorError. */
export function compilePolicy(policy: NamedPolicy): CompiledPolicy {
  const at: PolicyLocation = { policy: policy.name };
  const document = policy.document;
  if (typeof document !== 'object' || document === null) {
    throw new InvalidPolicyError(at, 'the policy document must be an object with a Statement');
  }
  const version = document.Version;
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    throw new InvalidPolicyError(
      at,
      `Version must be "2012-10-17" (or the legacy "2008-10-17"), not ${JSON.stringify(version)}`,
    );
  }
  if (document.Statement === undefined)
    throw new InvalidPolicyError(at, 'the policy document has no Statement');
  const raw = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const variables = variablesEnabled(version);
  return {
    name: policy.name,
    kind: policy.kind,
    variables,
    statements: raw.map((statement, index) => compileStatement(statement, index, policy, variables)),
  };
}

/**
 * Checks that `policy` can be evaluated, throwing the same errors `evaluate` would. Call it when
 * loading policies (e.g. at emulator start) to fail before the first request rather than on it.
 */
export function validatePolicy(policy: NamedPolicy): void {
  compilePolicy(policy);
}
