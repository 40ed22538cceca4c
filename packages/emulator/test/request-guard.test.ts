/*
 * The emulator cannot be driven by a web page: a foreign Host (DNS rebinding) is refused before
 * any routing, `/_emulator/*` sends no CORS headers, and Admin* and ListUsers need a SigV4
 * Authorization header and no Origin — while Cognito's public operations keep CORS for any
 * origin. Raw node:http requests, since they must set Host and omit signatures.
 */

import { request } from 'node:http';
import { ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): Promise<RawResponse> {
  const url = new URL(h.emulator.endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path, headers: { host: url.host, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

const cognito = (operation: string, headers: Record<string, string> = {}, body: object = {}) =>
  send(
    'POST',
    '/',
    {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      ...headers,
    },
    JSON.stringify(body),
  );

describe('Host check (DNS rebinding)', () => {
  it('refuses a foreign Host on every route with 421 and says why', async () => {
    for (const path of ['/_emulator/inbox', '/', `/${h.model.bucket.name}`]) {
      const response = await send('GET', path, { host: `evil.example:${new URL(h.emulator.endpoint).port}` });
      expect(response.status).toBe(421);
      expect(JSON.parse(response.body).message).toMatch(/DNS rebinding/);
    }
  });

  it('answers localhost with the port', async () => {
    const response = await send('GET', '/_emulator/inbox', {
      host: `localhost:${new URL(h.emulator.endpoint).port}`,
    });
    expect(response.status).toBe(200);
  });
});

describe('CORS', () => {
  it('sends none on /_emulator/*, even to a page that asks', async () => {
    const inbox = await send('GET', '/_emulator/inbox', { origin: 'https://evil.example' });
    expect(inbox.status).toBe(200);
    expect(inbox.headers['access-control-allow-origin']).toBeUndefined();
    const page = await send('GET', '/_emulator/', { origin: 'https://evil.example' });
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('keeps Cognito public operations open to any origin, as AWS does', async () => {
    const preflight = await send('OPTIONS', '/', {
      origin: 'https://app.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-amz-target',
    });
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    const signUp = await cognito('SignUp', { origin: 'https://app.example' }, { ClientId: 'nope' });
    expect(signUp.headers['access-control-allow-origin']).toBe('*');
  });
});

describe('IAM-authorized operations (Admin*, ListUsers)', () => {
  const UserPoolId = () => h.model.userPool.id;

  it('answer MissingAuthenticationTokenException 403 without an Authorization header', async () => {
    for (const operation of ['ListUsers', 'AdminCreateUser', 'AdminConfirmSignUp', 'AdminDeleteUser']) {
      const response = await cognito(operation, {}, { UserPoolId: UserPoolId(), Username: 'x@example.com' });
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
    }
  });

  it('answer IncompleteSignatureException for a header that is not SigV4', async () => {
    const response = await cognito(
      'ListUsers',
      { authorization: 'Bearer token' },
      { UserPoolId: UserPoolId() },
    );
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).__type).toBe('IncompleteSignatureException');
  });

  it('answer IncompleteSignatureException for a header that only starts like SigV4', async () => {
    for (const authorization of [
      'AWS4-HMAC-SHA256',
      'AWS4-HMAC-SHA256 Credential=local/20261126/us-east-1/cognito-idp/aws4_request',
      `AWS4-HMAC-SHA256 Credential=local, SignedHeaders=host, Signature=${'0'.repeat(64)}`,
    ]) {
      const response = await cognito(
        'AdminCreateUser',
        { authorization },
        { UserPoolId: UserPoolId(), Username: 'x' },
      );
      expect({ authorization, status: response.status, type: JSON.parse(response.body).__type }).toEqual({
        authorization,
        status: 400,
        type: 'IncompleteSignatureException',
      });
    }
  });

  it('refuse a web page (Origin) even with a SigV4-shaped header', async () => {
    const authorization =
      'AWS4-HMAC-SHA256 Credential=local/20261126/us-east-1/cognito-idp/aws4_request, ' +
      `SignedHeaders=host;x-amz-target, Signature=${'0'.repeat(64)}`;
    const response = await cognito(
      'ListUsers',
      { authorization, origin: 'https://evil.example' },
      { UserPoolId: UserPoolId() },
    );
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body).__type).toBe('AccessDeniedException');
  });

  it('work from the SDK with any static credentials (it signs)', async () => {
    const users = await h.idp.send(new ListUsersCommand({ UserPoolId: UserPoolId() }));
    expect(users.Users).toEqual([]);
  });
});
