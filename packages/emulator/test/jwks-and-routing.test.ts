/*
 * The HTTP surface around the operations: tokens that aws-jwt-verify accepts with the JWKS the
 * emulator publishes, the OpenID configuration, CORS for browsers, loud failures for
 * unsupported operations and bad bodies, and the developer page.
 */
import { AdminDisableUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { JwtVerifier } from 'aws-jwt-verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError } from './aws-error.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
let issuer: string;
let tokens: { IdToken?: string; AccessToken?: string };

beforeAll(async () => {
  h = await startHarness({
    userPoolClient: { explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  });
  issuer = `${h.emulator.endpoint}/${h.model.userPool.id}`;
  await h.createUser('ada@example.com', 'Correct-Horse-1');
  const result = await h.passwordSignIn('ada@example.com', 'Correct-Horse-1');
  tokens = result.AuthenticationResult ?? {};
});
afterAll(() => h.close());

async function verifier(tokenUse: 'id' | 'access') {
  const jwks = await (await fetch(`${issuer}/.well-known/jwks.json`)).json();
  const v = JwtVerifier.create({
    issuer,
    audience: tokenUse === 'id' ? h.model.userPoolClient.id : null,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== tokenUse) throw new Error(`expected a ${tokenUse} token`);
    },
  });
  v.cacheJwks(jwks);
  return v;
}

describe('tokens and JWKS', () => {
  it('issues an id token that aws-jwt-verify accepts, with Cognito claims', async () => {
    const payload = await (await verifier('id')).verify(tokens.IdToken ?? '');
    expect(payload).toMatchObject({
      iss: issuer,
      aud: h.model.userPoolClient.id,
      token_use: 'id',
      email: 'ada@example.com',
      email_verified: true,
    });
    expect(payload['cognito:username']).toBe(payload.sub);
    for (const claim of ['auth_time', 'iat', 'exp', 'jti', 'origin_jti', 'event_id'])
      expect(payload).toHaveProperty(claim);
  });

  it('issues an access token that aws-jwt-verify accepts, with Cognito claims', async () => {
    const payload = await (await verifier('access')).verify(tokens.AccessToken ?? '');
    expect(payload).toMatchObject({
      iss: issuer,
      client_id: h.model.userPoolClient.id,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
    });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(3600);
  });

  it('publishes the OpenID configuration next to the JWKS', async () => {
    const config = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      string
    >;
    expect(config.issuer).toBe(issuer);
    expect(config.jwks_uri).toBe(`${issuer}/.well-known/jwks.json`);
  });
});

describe('routing', () => {
  it('answers a CORS preflight for any origin with the headers the SDK sends', async () => {
    const response = await fetch(`${h.emulator.endpoint}/`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers':
          'content-type,x-amz-target,x-amz-user-agent,amz-sdk-invocation-id,amz-sdk-request',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('amz-sdk-invocation-id');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('adds CORS headers to Cognito answers, errors included', async () => {
    const response = await fetch(`${h.emulator.endpoint}/`, {
      method: 'POST',
      headers: {
        origin: 'http://localhost:5173',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser',
      },
      body: JSON.stringify({ AccessToken: 'x' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(await response.json()).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Invalid Access Token',
    });
  });

  it('fails an unsupported operation loudly, by name', async () => {
    await expectAwsError(
      h.idp.send(
        new AdminDisableUserCommand({ UserPoolId: h.model.userPool.id, Username: 'ada@example.com' }),
      ),
      'UnsupportedOperation',
      'AdminDisableUser is not supported by the auth-s3 emulator',
    );
  });

  it('answers SerializationException for a body that is not JSON', async () => {
    const response = await fetch(`${h.emulator.endpoint}/`, {
      method: 'POST',
      headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp' },
      body: '{nope',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe('SerializationException');
  });

  it('serves the developer page with the inbox, the users and recent requests', async () => {
    const response = await fetch(`${h.emulator.endpoint}/_emulator/`);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('ada@example.com');
    expect(html).toContain('CONFIRMED');
    expect(html).toContain('InitiateAuth');
  });

  it('sends everything else to S3', async () => {
    const response = await fetch(`${h.emulator.endpoint}/${h.model.bucket.name}/public/a.txt`);
    expect(response.headers.get('content-type')).toContain('xml');
    expect(await response.text()).toContain('<Error>');
  });
});
