/* Unit tests for InitiateAuth over in-memory services: the SRP challenge, password and refresh flows. */
import { describe, expect, it } from 'vitest';
import { SrpClient } from '../../__tests__/srp-client.js';
import { CLIENT_ID, seedUser, testServices } from '../../__tests__/test-services.js';
import {
  InvalidParameterError,
  NotAuthorizedError,
  UnsupportedOperationError,
  UserNotConfirmedError,
  UserNotFoundError,
} from '../../errors.js';
import { initiateAuth } from './initiateAuth.js';

const ClientId = CLIENT_ID;
const passwordFlows = {
  userPoolClient: { explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
};

describe('initiateAuth USER_SRP_AUTH', () => {
  it('answers PASSWORD_VERIFIER with the user\u2019s salt, B and a sealed secret block', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    const SRP_A = await new SrpClient(services.users.poolName).publicValue();
    const result = await initiateAuth(services)({
      ClientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'ada@example.com', SRP_A },
    });
    expect(result.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(result.ChallengeParameters).toMatchObject({ SALT: user.salt, USER_ID_FOR_SRP: user.username });
    expect(result.ChallengeParameters?.SRP_B).toMatch(/^[0-9a-f]+$/);
    expect(services.sealed.open(result.ChallengeParameters?.SECRET_BLOCK ?? '')).toMatchObject({
      kind: 'srp',
      username: user.username,
      A: SRP_A,
    });
  });

  it('gives an unknown user a decoy challenge where the pool hides users, UserNotFound otherwise', async () => {
    const SRP_A = 'abcdef';
    const hidden = await testServices();
    const decoy = await initiateAuth(hidden)({
      ClientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'ghost@example.com', SRP_A },
    });
    expect(decoy.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(
      hidden.sealed.open<{ username?: string }>(decoy.ChallengeParameters?.SECRET_BLOCK ?? '')?.username,
    ).toBeUndefined();
    const again = await initiateAuth(hidden)({
      ClientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'GHOST@example.com', SRP_A },
    });
    const real = seedUser(hidden, 'ada@example.com');
    const known = await initiateAuth(hidden)({
      ClientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'ada@example.com', SRP_A },
    });
    const shape = (parameters: Record<string, string> = {}) => ({
      keys: Object.keys(parameters).sort(),
      userId: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(
        parameters.USER_ID_FOR_SRP ?? '',
      ),
      salt: /^[0-9a-f]{26,34}$/.test(parameters.SALT ?? ''),
      username: parameters.USERNAME === parameters.USER_ID_FOR_SRP,
    });
    expect(shape(decoy.ChallengeParameters)).toEqual(shape(known.ChallengeParameters));
    expect(shape(decoy.ChallengeParameters)).toEqual({
      keys: expect.any(Array),
      userId: true,
      salt: true,
      username: true,
    });
    expect(known.ChallengeParameters?.USER_ID_FOR_SRP).toBe(real.username);
    // Stable per login (case-insensitively), as a real user's salt and id are; never the email.
    expect(again.ChallengeParameters?.SALT).toBe(decoy.ChallengeParameters?.SALT);
    expect(again.ChallengeParameters?.USER_ID_FOR_SRP).toBe(decoy.ChallengeParameters?.USER_ID_FOR_SRP);
    expect(JSON.stringify(decoy.ChallengeParameters)).not.toContain('ghost');
    const open = await testServices({ userPoolClient: { preventUserExistenceErrors: false } });
    await expect(
      initiateAuth(open)({
        ClientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'ghost@example.com', SRP_A },
      }),
    ).rejects.toThrow(UserNotFoundError);
  });

  it('rejects an SRP_A that is a multiple of N', async () => {
    const services = await testServices();
    await expect(
      initiateAuth(services)({
        ClientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'a@example.com', SRP_A: '0' },
      }),
    ).rejects.toThrow(InvalidParameterError);
  });
});

describe('initiateAuth USER_PASSWORD_AUTH', () => {
  const signIn = (
    services: Awaited<ReturnType<typeof testServices>>,
    PASSWORD: string,
    USERNAME = 'ada@example.com',
  ) =>
    initiateAuth(services)({
      ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME, PASSWORD },
    });

  it('returns tokens for the right password', async () => {
    const services = await testServices(passwordFlows);
    seedUser(services, 'ada@example.com');
    const result = await signIn(services, 'Correct-Horse-1');
    expect(result.AuthenticationResult?.TokenType).toBe('Bearer');
  });

  it('throws NotAuthorizedError for a wrong password and an unknown user alike', async () => {
    const services = await testServices(passwordFlows);
    seedUser(services, 'ada@example.com');
    await expect(signIn(services, 'Wrong-Horse-1')).rejects.toThrow(
      new NotAuthorizedError('Incorrect username or password.'),
    );
    await expect(signIn(services, 'Correct-Horse-1', 'ghost@example.com')).rejects.toThrow(
      new NotAuthorizedError('Incorrect username or password.'),
    );
  });

  it('throws UserNotConfirmedError only once the password is right', async () => {
    const services = await testServices(passwordFlows);
    seedUser(services, 'ada@example.com', 'Correct-Horse-1', 'UNCONFIRMED');
    await expect(signIn(services, 'Wrong-Horse-1')).rejects.toThrow(NotAuthorizedError);
    await expect(signIn(services, 'Correct-Horse-1')).rejects.toThrow(UserNotConfirmedError);
  });

  it('locks out after five failures for one second, doubling', async () => {
    const services = await testServices(passwordFlows);
    seedUser(services, 'ada@example.com');
    for (let i = 0; i < 6; i++)
      await expect(signIn(services, 'Wrong-Horse-1')).rejects.toThrow(NotAuthorizedError);
    await expect(signIn(services, 'Correct-Horse-1')).rejects.toThrow('Password attempts exceeded');
    services.clock.advance(1000);
    await expect(signIn(services, 'Correct-Horse-1')).resolves.toHaveProperty('AuthenticationResult');
  });

  it('throws InvalidParameterError when the client does not allow the flow', async () => {
    const services = await testServices();
    await expect(signIn(services, 'x')).rejects.toThrow(
      'USER_PASSWORD_AUTH flow not enabled for this client',
    );
  });
});

describe('initiateAuth other flows', () => {
  it('refreshes tokens for a live refresh token', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    const { RefreshToken } = services.tokens.signIn(user, ClientId);
    const result = await initiateAuth(services)({
      ClientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: RefreshToken ?? '' },
    });
    expect(result.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(result.AuthenticationResult?.RefreshToken).toBeUndefined();
  });

  it('fails an unsupported flow by name', async () => {
    const services = await testServices();
    await expect(
      initiateAuth(services)({ ClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: {} }),
    ).rejects.toThrow(new UnsupportedOperationError('AuthFlow CUSTOM_AUTH'));
  });
});
