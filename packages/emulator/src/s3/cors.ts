/*
 * CORS as S3 applies a bucket's CORS configuration: the first rule whose AllowedOrigins match
 * the Origin (one `*` wildcard allowed), whose AllowedMethods include the method and, for a
 * preflight, whose AllowedHeaders cover every requested header, decides the response headers.
 */
import type { CorsRule } from '../stack-model.js';
import { S3Error } from './errors.js';

function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  const star = p.indexOf('*');
  if (star < 0) return p === v;
  const head = p.slice(0, star);
  const tail = p.slice(star + 1);
  return v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
}

function findRule(
  rules: CorsRule[],
  origin: string,
  method: string,
  requestHeaders: string[],
): CorsRule | undefined {
  return rules.find(
    (rule) =>
      rule.allowedOrigins.some((o) => wildcardMatch(o, origin, false)) &&
      rule.allowedMethods.some((m) => m.toUpperCase() === method.toUpperCase()) &&
      requestHeaders.every((h) => rule.allowedHeaders.some((allowed) => wildcardMatch(allowed, h, true))),
  );
}

function ruleHeaders(rule: CorsRule, origin: string): Record<string, string> {
  const anyOrigin = rule.allowedOrigins.includes('*');
  const headers: Record<string, string> = {
    'access-control-allow-origin': anyOrigin ? '*' : origin,
    'access-control-allow-methods': rule.allowedMethods.join(', '),
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
  if (!anyOrigin) headers['access-control-allow-credentials'] = 'true';
  if (rule.exposedHeaders.length > 0)
    headers['access-control-expose-headers'] = rule.exposedHeaders.join(', ');
  if (rule.maxAge !== undefined) headers['access-control-max-age'] = String(rule.maxAge);
  return headers;
}

/** CORS headers for an actual (non-preflight) request with an `Origin`, or none when no rule matches. */
export function corsHeaders(
  rules: CorsRule[],
  origin: string | undefined,
  method: string,
): Record<string, string> {
  if (!origin) return {};
  const rule = findRule(rules, origin, method, []);
  return rule ? ruleHeaders(rule, origin) : {};
}

/** Answers an OPTIONS preflight: the headers to send, or S3's 403 when no rule allows it. */
export function preflight(
  rules: CorsRule[],
  origin: string | undefined,
  method: string | undefined,
  requestHeadersLine: string | undefined,
): Record<string, string> {
  if (!origin || !method) {
    throw new S3Error('BadRequest', 400, 'Insufficient information. Origin request header needed.');
  }
  if (rules.length === 0) {
    throw new S3Error('AccessForbidden', 403, 'CORSResponse: CORS is not enabled for this bucket.', {
      Method: method,
      ResourceType: 'OBJECT',
    });
  }
  const requested = (requestHeadersLine ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  const rule = findRule(rules, origin, method, requested);
  if (!rule) {
    throw new S3Error(
      'AccessForbidden',
      403,
      "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
      { Method: method, ResourceType: 'OBJECT' },
    );
  }
  const headers = ruleHeaders(rule, origin);
  if (requested.length > 0) headers['access-control-allow-headers'] = requested.join(', ');
  return headers;
}
