/*
 * The user pool's public documents under `/{userPoolId}/.well-known/`: `jwks.json` (the key that
 * signs its tokens, which aws-jwt-verify and other verifiers fetch) and `openid-configuration`
 * (the issuer and where its keys are), as Cognito publishes them for a pool.
 */
import type { Services } from '../services/index.js';
import { jwksDocument } from '../services/jwt.js';

/** The status and JSON body for `document` (the path after `.well-known/`). */
export function wellKnownDocument(
  services: Pick<Services, 'model' | 'keys' | 'endpoint'>,
  document: string,
): { status: number; body: unknown } {
  const issuer = `${services.endpoint()}/${services.model.userPool.id}`;
  if (document === 'jwks.json') return { status: 200, body: jwksDocument(services.keys) };
  if (document === 'openid-configuration') {
    return {
      status: 200,
      body: {
        issuer,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        response_types_supported: ['code', 'token'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        scopes_supported: ['openid', 'email', 'phone', 'profile'],
      },
    };
  }
  return { status: 404, body: { message: `No ${document} here; try jwks.json or openid-configuration` } };
}
