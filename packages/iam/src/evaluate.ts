/*
 * The decision itself, following AWS's policy evaluation logic for a request within one account:
 * an explicit Deny in any applicable statement wins; otherwise an Allow in an identity policy or
 * in a resource policy whose Principal names the caller allows; otherwise the request is
 * implicitly denied. Every policy is compiled (validated) before any statement is evaluated, so a
 * malformed policy throws even when another statement would already have decided.
 */
import { type CompiledPolicy, type CompiledStatement, compilePolicy } from './compile-policy.js';
import { conditionsHold } from './conditions.js';
import { InvalidRequestError } from './errors.js';
import { matchesAnyAction } from './match-action.js';
import { matchesAnyResource } from './match-resource.js';
import { matchPrincipal } from './principal.js';
import { type ContextLookup, createContextLookup } from './request-context.js';
import type { AuthorizationRequest, Decision, MatchedStatement, NamedPolicy } from './types.js';

function principalApplies(
  policy: CompiledPolicy,
  statement: CompiledStatement,
  request: AuthorizationRequest,
) {
  if (policy.kind === 'identity') return true;
  if (statement.notPrincipal !== undefined)
    return matchPrincipal(statement.notPrincipal, request.principal) === 'none';
  if (statement.principal === undefined) return false;
  const match = matchPrincipal(statement.principal, request.principal);
  // Naming only the account delegates to its identity policies: it denies, but does not grant, by itself.
  return statement.effect === 'Deny' ? match !== 'none' : match === 'specific';
}

/** Whether `statement` applies to `request`: principal, action, resource and every condition match. */
export function statementApplies(
  policy: CompiledPolicy,
  statement: CompiledStatement,
  request: AuthorizationRequest,
  lookup: ContextLookup,
): boolean {
  if (!principalApplies(policy, statement, request)) return false;
  const actionMatches = statement.actions
    ? matchesAnyAction(statement.actions, request.action)
    : !matchesAnyAction(statement.notActions ?? [], request.action);
  if (!actionMatches) return false;
  const resourceMatches = statement.resources
    ? matchesAnyResource(statement.resources, request.resource, lookup, policy.variables)
    : !matchesAnyResource(statement.notResources ?? [], request.resource, lookup, policy.variables);
  return resourceMatches && conditionsHold(statement.conditions, lookup);
}

function describe(statement: MatchedStatement): string {
  return `${statement.policy}#${statement.index}${statement.sid ? ` (${statement.sid})` : ''}`;
}

/**
 * Decides `request` against `policies` (identity policies of the caller and resource policies
 * of the target) the way AWS does for a same-account request.
 *
 * @throws InvalidPolicyError when a policy breaks IAM's grammar
 * @throws UnsupportedConditionOperatorError when a Condition uses an unknown operator
 * @throws InvalidRequestError when the action is not `service:Action`
 *
 * @example
 * const decision = evaluate(
 *   { action: 's3:GetObject', resource: 'arn:aws:s3:::b/public/a.txt', principal: { arn }, context: {} },
 *   [{ name: 'AuthRole/Policy', kind: 'identity', document }],
 * );
 * if (decision.decision !== 'Allow') console.log(decision.summary);
 */
export function evaluate(request: AuthorizationRequest, policies: readonly NamedPolicy[]): Decision {
  if (typeof request.action !== 'string' || !/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/.test(request.action)) {
    throw new InvalidRequestError(
      `action ${JSON.stringify(request.action)} must be "service:Action", e.g. "s3:GetObject"`,
    );
  }
  if (typeof request.resource !== 'string' || request.resource === '') {
    throw new InvalidRequestError('resource must be an ARN such as "arn:aws:s3:::bucket/key"');
  }
  const compiled = policies.map(compilePolicy);
  const lookup = createContextLookup(request);
  const target = `${request.action} on ${request.resource}`;
  let allow: MatchedStatement | undefined;
  for (const policy of compiled) {
    for (const statement of policy.statements) {
      if (!statementApplies(policy, statement, request, lookup)) continue;
      const matched: MatchedStatement = {
        policy: policy.name,
        index: statement.index,
        effect: statement.effect,
      };
      if (statement.sid !== undefined) matched.sid = statement.sid;
      if (statement.effect === 'Deny') {
        return {
          decision: 'ExplicitDeny',
          statement: matched,
          summary: `ExplicitDeny ${target} by ${describe(matched)}`,
        };
      }
      allow ??= matched;
    }
  }
  if (allow) return { decision: 'Allow', statement: allow, summary: `Allow ${target} by ${describe(allow)}` };
  const searched = compiled.map((p) => p.name).join(', ') || 'no policies';
  return {
    decision: 'ImplicitDeny',
    summary: `ImplicitDeny ${target}: no statement in ${searched} allows it`,
  };
}
