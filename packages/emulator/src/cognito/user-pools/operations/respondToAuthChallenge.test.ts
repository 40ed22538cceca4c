/* Unit tests for RespondToAuthChallenge: the SRP proof and NEW_PASSWORD_REQUIRED. */
import { describe, expect, it } from 'vitest';
import { SrpClient } from '../../__tests__/srp-client.js';
import { CLIENT_ID, seedUser, type TestServices, testServices } from '../../__tests__/test-services.js';
import {
  InvalidParameterError,
  InvalidPasswordError,
  NotAuthorizedError,
  UserNotConfirmedError,
} from '../../errors.js';
import { formatSrpTimestamp } from '../srp-timestamp.js';
import { initiateAuth } from './initiateAuth.js';
import { respondToAuthChallenge } from './respondToAuthChallenge.js';

const ClientId = CLIENT_ID;

async function srpSignIn(
  services: TestServices,
  login: string,
  password: string,
  tamper = (r: Record<string, string>) => r,
) {
  const client = new SrpClient(services.users.poolName);
  const challenge = await initiateAuth(services)({
    ClientId,
    AuthFlow: 'USER_SRP_AUTH',
    AuthParameters: { USERNAME: login, SRP_A: await client.publicValue() },
  });
  const responses = await client.challengeResponses(
    challenge.ChallengeParameters ?? {},
    password,
    formatSrpTimestamp(services.clock.now()),
  );
  return respondToAuthChallenge(services)({
    ClientId,
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeResponses: tamper(responses),
  });
}

describe('respondToAuthChallenge PASSWORD_VERIFIER', () => {
  it('signs in with a proof made from the right password', async () => {
    const services = await testServices();
    seedUser(services, 'ada@example.com');
    const result = await srpSignIn(services, 'ada@example.com', 'Correct-Horse-1');
    expect(result.AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('throws NotAuthorizedError for a wrong password, an unknown user and a changed timestamp', async () => {
    const services = await testServices();
    seedUser(services, 'ada@example.com');
    const incorrect = new NotAuthorizedError('Incorrect username or password.');
    await expect(srpSignIn(services, 'ada@example.com', 'Wrong-Horse-1')).rejects.toThrow(incorrect);
    await expect(srpSignIn(services, 'ghost@example.com', 'Correct-Horse-1')).rejects.toThrow(incorrect);
    await expect(
      srpSignIn(services, 'ada@example.com', 'Correct-Horse-1', (r) => ({
        ...r,
        TIMESTAMP: formatSrpTimestamp(services.clock.now() + 1000),
      })),
    ).rejects.toThrow(incorrect);
  });

  it('takes one answer per challenge: a replayed answer fails, and so does a second try after a wrong one', async () => {
    const services = await testServices();
    seedUser(services, 'ada@example.com');
    const client = new SrpClient(services.users.poolName);
    const challenge = await initiateAuth(services)({
      ClientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'ada@example.com', SRP_A: await client.publicValue() },
    });
    const parameters = challenge.ChallengeParameters ?? {};
    const answer = (password: string) =>
      client
        .challengeResponses(parameters, password, formatSrpTimestamp(services.clock.now()))
        .then((ChallengeResponses) =>
          respondToAuthChallenge(services)({
            ClientId,
            ChallengeName: 'PASSWORD_VERIFIER',
            ChallengeResponses,
          }),
        );
    const right = await client.challengeResponses(
      parameters,
      'Correct-Horse-1',
      formatSrpTimestamp(services.clock.now()),
    );
    const send = () =>
      respondToAuthChallenge(services)({
        ClientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: right,
      });
    expect((await send()).AuthenticationResult?.IdToken).toBeTruthy();
    await expect(send()).rejects.toThrow('already answered');

    const second = await client.publicValue();
    const again = await initiateAuth(services)({
      ClientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'ada@example.com', SRP_A: second },
    });
    parameters.SECRET_BLOCK = again.ChallengeParameters?.SECRET_BLOCK ?? '';
    parameters.SRP_B = again.ChallengeParameters?.SRP_B ?? '';
    await expect(answer('Wrong-Horse-1')).rejects.toThrow('Incorrect username or password.');
    await expect(answer('Correct-Horse-1')).rejects.toThrow('already answered');
  });

  it('refuses a TIMESTAMP in another format or more than 5 minutes from the clock', async () => {
    const services = await testServices();
    seedUser(services, 'ada@example.com');
    await expect(
      srpSignIn(services, 'ada@example.com', 'Correct-Horse-1', (r) => ({
        ...r,
        TIMESTAMP: new Date(services.clock.now()).toISOString(),
      })),
    ).rejects.toThrow(InvalidParameterError);
    await expect(
      srpSignIn(services, 'ada@example.com', 'Correct-Horse-1', (r) => ({
        ...r,
        TIMESTAMP: formatSrpTimestamp(services.clock.now() - 6 * 60_000),
      })),
    ).rejects.toThrow('more than 5 minutes');
  });

  it('refuses a secret block that was not sealed by this emulator', async () => {
    const services = await testServices();
    seedUser(services, 'ada@example.com');
    await expect(
      srpSignIn(services, 'ada@example.com', 'Correct-Horse-1', (r) => ({
        ...r,
        PASSWORD_CLAIM_SECRET_BLOCK: 'AAAA',
      })),
    ).rejects.toThrow(NotAuthorizedError);
  });

  it('refuses a challenge answered after three minutes', async () => {
    const services = await testServices();
    seedUser(services, 'ada@example.com');
    await expect(
      srpSignIn(services, 'ada@example.com', 'Correct-Horse-1', (r) => {
        services.clock.advance(3 * 60_000);
        return r;
      }),
    ).rejects.toThrow('session is expired');
  });

  it('throws UserNotConfirmedError for an unconfirmed user with the right password', async () => {
    const services = await testServices();
    seedUser(services, 'ada@example.com', 'Correct-Horse-1', 'UNCONFIRMED');
    await expect(srpSignIn(services, 'ada@example.com', 'Correct-Horse-1')).rejects.toThrow(
      UserNotConfirmedError,
    );
  });
});

describe('respondToAuthChallenge NEW_PASSWORD_REQUIRED', () => {
  it('sets the new password and signs in', async () => {
    const services = await testServices();
    seedUser(services, 'ada@example.com', 'Temporary-Pass-1', 'FORCE_CHANGE_PASSWORD');
    const challenge = await srpSignIn(services, 'ada@example.com', 'Temporary-Pass-1');
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const respond = (NEW_PASSWORD: string) =>
      respondToAuthChallenge(services)({
        ClientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: 'ada@example.com', NEW_PASSWORD },
      });
    await expect(respond('weak')).rejects.toThrow(InvalidPasswordError);
    const result = await respond('Chosen-Pass-2');
    expect(result.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(services.users.find('ada@example.com')?.status).toBe('CONFIRMED');
    await expect(respond('Chosen-Pass-3')).rejects.toThrow('Invalid session for the user.');
  });
});
