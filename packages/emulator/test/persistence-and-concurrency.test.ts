/*
 * State survives a restart (users, sessions, signing keys, codes, identities, credentials, the
 * inbox), lands on disk only through complete files, and concurrent sign-ups and sign-ins
 * neither lose nor duplicate anything.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import {
  ConfirmSignUpCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CognitoUserPool } from 'amazon-cognito-identity-js';
import { afterEach, describe, expect, it } from 'vitest';
import { signInWithCognitoJs } from '../src/cognito/__tests__/cognito-js-sign-in.js';
import { startEmulator } from '../src/index.js';
import { expectAwsError } from './aws-error.js';
import { type Harness, startHarness } from './harness.js';

const password = 'Correct-Horse-1';
const flows = {
  userPoolClient: {
    explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  },
};
let h: Harness;
afterEach(() => h.close());

const signIn = (email: string) => h.passwordSignIn(email, password);

describe('restart', () => {
  it('keeps users, tokens, codes, identities, credentials and the inbox', async () => {
    h = await startHarness(flows);
    const ClientId = h.model.userPoolClient.id;
    await h.createUser('ada@example.com', password);
    await h.idp.send(new SignUpCommand({ ClientId, Username: 'later@example.com', Password: password }));
    const pendingCode = h.codeFor('later@example.com');
    const tokens = (await signIn('ada@example.com')).AuthenticationResult;
    const Logins = { [h.provider]: tokens?.IdToken ?? '' };
    const { IdentityId } = await h.identity.send(
      new GetIdCommand({ IdentityPoolId: h.model.identityPool.id, Logins }),
    );
    const { Credentials } = await h.identity.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins }),
    );

    await h.restart();

    await h.idp.send(new GetUserCommand({ AccessToken: tokens?.AccessToken }));
    const refreshed = await h.idp.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: tokens?.RefreshToken ?? '' },
      }),
    );
    expect(refreshed.AuthenticationResult?.AccessToken).toBeTruthy();
    await h.idp.send(
      new ConfirmSignUpCommand({ ClientId, Username: 'later@example.com', ConfirmationCode: pendingCode }),
    );
    expect(h.emulator.inbox().map((m) => m.to)).toEqual(['later@example.com', 'ada@example.com']);
    const again = await h.identity.send(
      new GetIdCommand({
        IdentityPoolId: h.model.identityPool.id,
        Logins: { [h.provider]: refreshed.AuthenticationResult?.IdToken ?? '' },
      }),
    );
    expect(again.IdentityId).toBe(IdentityId);

    // Credentials issued before the restart still sign S3 requests.
    const s3 = h.s3For(Credentials);
    try {
      const Key = `public/${IdentityId}/hello.txt`;
      await s3.send(new PutObjectCommand({ Bucket: h.model.bucket.name, Key, Body: 'hello' }));
      const object = await s3.send(new GetObjectCommand({ Bucket: h.model.bucket.name, Key }));
      expect(await object.Body?.transformToString()).toBe('hello');
    } finally {
      s3.destroy();
    }
  });

  it('writes state through whole files, leaving no temporary files behind', async () => {
    h = await startHarness(flows);
    await h.createUser('ada@example.com', password);
    const files = await readdir(h.dataDir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const state = JSON.parse(await readFile(join(h.dataDir, 'state.json'), 'utf8'));
    const [user] = Object.values(state.users) as Array<Record<string, unknown>>;
    expect(user).toHaveProperty('verifier');
    expect(JSON.stringify(state)).not.toContain(password);
  });

  it('refuses to start on a corrupt state file, naming it', async () => {
    h = await startHarness(flows);
    await h.emulator.stop();
    await writeFile(join(h.dataDir, 'state.json'), '{"users": {', 'utf8');
    await expect(startEmulator({ dataDir: h.dataDir, model: h.model, quiet: true })).rejects.toThrow(
      /Cannot read .*state\.json; delete it/,
    );
    h.emulator = await startEmulator({ dataDir: `${h.dataDir}/fresh`, model: h.model, quiet: true });
  });
});

describe('concurrency', () => {
  it('signs up many users at once, and only one of several racing for the same email', async () => {
    h = await startHarness(flows);
    const ClientId = h.model.userPoolClient.id;
    const signUp = (email: string) =>
      h.idp.send(new SignUpCommand({ ClientId, Username: email, Password: password }));
    const distinct = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => signUp(`user${i}@example.com`)),
    );
    expect(distinct.filter((r) => r.status === 'fulfilled')).toHaveLength(20);
    const racing = await Promise.allSettled(Array.from({ length: 8 }, () => signUp('same@example.com')));
    expect(racing.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of racing)
      if (r.status === 'rejected') expect((r.reason as Error).name).toBe('UsernameExistsException');
    const users = await h.idp.send(new ListUsersCommand({ UserPoolId: h.model.userPool.id }));
    expect(users.Users).toHaveLength(21);
    await h.restart();
    const after = await h.idp.send(new ListUsersCommand({ UserPoolId: h.model.userPool.id }));
    expect(after.Users).toHaveLength(21);
  });

  it('signs in many sessions at once, over SRP and USER_PASSWORD_AUTH, each with its own tokens', async () => {
    h = await startHarness(flows);
    await h.createUser('ada@example.com', password);
    const pool = new CognitoUserPool({
      UserPoolId: h.model.userPool.id,
      ClientId: h.model.userPoolClient.id,
      endpoint: h.emulator.endpoint,
    });
    const srp = () => signInWithCognitoJs(pool, 'ada@example.com', password);
    const [srpSessions, passwordSessions] = await Promise.all([
      Promise.all(Array.from({ length: 4 }, srp)),
      Promise.all(Array.from({ length: 16 }, () => signIn('ada@example.com'))),
    ]);
    const refreshTokens = new Set([
      ...srpSessions.map((s) => s.getRefreshToken().getToken()),
      ...passwordSessions.map((s) => s.AuthenticationResult?.RefreshToken),
    ]);
    expect(refreshTokens.size).toBe(20);
    await h.restart();
    for (const session of passwordSessions) {
      await h.idp.send(new GetUserCommand({ AccessToken: session.AuthenticationResult?.AccessToken }));
    }
    await expectAwsError(h.idp.send(new GetUserCommand({ AccessToken: 'x.y.z' })), 'NotAuthorizedException');
  });
});
