/*
 * amazon-cognito-identity-js, an SRP client written independently of ours, signs up, confirms
 * and signs in against the emulator over HTTP; a wrong password fails as Cognito fails it; a
 * captured PASSWORD_VERIFIER answer cannot be replayed.
 */
import {
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoUser, CognitoUserAttribute, CognitoUserPool } from 'amazon-cognito-identity-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithCognitoJs } from '../src/cognito/__tests__/cognito-js-sign-in.js';
import { SrpClient } from '../src/cognito/__tests__/srp-client.js';
import { expectAwsError } from './aws-error.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
let pool: CognitoUserPool;

beforeAll(async () => {
  h = await startHarness();
  pool = new CognitoUserPool({
    UserPoolId: h.model.userPool.id,
    ClientId: h.model.userPoolClient.id,
    endpoint: h.emulator.endpoint,
  });
});
afterAll(() => h.close());

function signUp(email: string, password: string) {
  return new Promise<void>((resolve, reject) =>
    pool.signUp(email, password, [new CognitoUserAttribute({ Name: 'email', Value: email })], [], (error) =>
      error ? reject(error) : resolve(),
    ),
  );
}

function confirm(email: string, code: string) {
  const user = new CognitoUser({ Username: email, Pool: pool });
  return new Promise<void>((resolve, reject) =>
    user.confirmRegistration(code, false, (error) => (error ? reject(error) : resolve())),
  );
}

function signIn(email: string, password: string) {
  return signInWithCognitoJs(pool, email, password);
}

describe('SRP sign-in with amazon-cognito-identity-js', () => {
  it('signs up, confirms with the emailed code and signs in', async () => {
    await signUp('ada@example.com', 'Analytical-Engine1');
    await confirm('ada@example.com', h.codeFor('ada@example.com'));
    const session = await signIn('ada@example.com', 'Analytical-Engine1');
    expect(session.isValid()).toBe(true);
    expect(session.getIdToken().decodePayload().email).toBe('ada@example.com');
    expect(session.getAccessToken().decodePayload().token_use).toBe('access');
  });

  it('fails a wrong password with NotAuthorizedException', async () => {
    await expect(signIn('ada@example.com', 'Analytical-Engine2')).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('fails an unknown user the same way, hiding that the user does not exist', async () => {
    await expect(signIn('nobody@example.com', 'Analytical-Engine1')).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('refuses an unconfirmed user with the right password', async () => {
    await signUp('grace@example.com', 'Compiler-A0-1952');
    await expect(signIn('grace@example.com', 'Compiler-A0-1952')).rejects.toMatchObject({
      code: 'UserNotConfirmedException',
    });
  });
});

describe('PASSWORD_VERIFIER replay', () => {
  it('accepts an answer once; the same request sent again fails', async () => {
    await h.createUser('replay@example.com', 'Correct-Horse-1');
    const ClientId = h.model.userPoolClient.id;
    const client = new SrpClient(h.model.userPool.id.split('_')[1] ?? '');
    const challenge = await h.idp.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'replay@example.com', SRP_A: await client.publicValue() },
      }),
    );
    // The library's own TIMESTAMP (its current time): the harness clock started at the real time.
    const ChallengeResponses = await client.challengeResponses(
      challenge.ChallengeParameters ?? {},
      'Correct-Horse-1',
    );
    const answer = () =>
      h.idp.send(
        new RespondToAuthChallengeCommand({
          ClientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses,
        }),
      );
    expect((await answer()).AuthenticationResult?.IdToken).toBeTruthy();
    await expectAwsError(answer(), 'NotAuthorizedException', /already answered/);
  });
});

describe('unknown users (PreventUserExistenceErrors)', () => {
  it('get a challenge shaped like a real one, the same on every call', async () => {
    await h.createUser('known@example.com', 'Correct-Horse-1');
    const client = new SrpClient(h.model.userPool.id.split('_')[1] ?? '');
    const challenge = async (USERNAME: string) =>
      (
        await h.idp.send(
          new InitiateAuthCommand({
            ClientId: h.model.userPoolClient.id,
            AuthFlow: 'USER_SRP_AUTH',
            AuthParameters: { USERNAME, SRP_A: await client.publicValue() },
          }),
        )
      ).ChallengeParameters ?? {};
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const [known1, known2, ghost1, ghost2] = [
      await challenge('known@example.com'),
      await challenge('known@example.com'),
      await challenge('ghost@example.com'),
      await challenge('ghost@example.com'),
    ];
    for (const c of [known1, ghost1]) {
      expect(Object.keys(c).sort()).toEqual(['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
      expect(c.USER_ID_FOR_SRP).toMatch(uuid);
      expect(c.SALT).toMatch(/^[0-9a-f]{26,34}$/);
    }
    expect([ghost2.SALT, ghost2.USER_ID_FOR_SRP]).toEqual([ghost1.SALT, ghost1.USER_ID_FOR_SRP]);
    expect([known2.SALT, known2.USER_ID_FOR_SRP]).toEqual([known1.SALT, known1.USER_ID_FOR_SRP]);
    expect(ghost1.USER_ID_FOR_SRP).not.toBe(known1.USER_ID_FOR_SRP);
  });
});
