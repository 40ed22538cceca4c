/*
 * The identity pool through the real SDK v3 client: GetId validates the id token and gives each
 * user one stable identity; GetCredentialsForIdentity hands out one-hour `ASIA…` credentials for
 * the stack's authenticated role, which the S3 half can look up.
 */
import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { AdminDeleteUserCommand, GlobalSignOutCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureOverrides } from '../src/testing/index.js';
import { expectAwsError } from './aws-error.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
let IdentityPoolId: string;
let provider: string;

beforeAll(async () => {
  h = await startHarness({
    userPoolClient: { explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  });
  IdentityPoolId = h.model.identityPool.id;
  provider = h.provider;
  await h.createUser('ada@example.com', 'Correct-Horse-1');
  await h.createUser('grace@example.com', 'Correct-Horse-1');
});
afterAll(() => h.close());

async function idToken(email: string): Promise<string> {
  return (await signIn(email)).IdToken;
}

async function signIn(email: string): Promise<{ IdToken: string; AccessToken: string }> {
  const result = await h.passwordSignIn(email, 'Correct-Horse-1');
  return {
    IdToken: result.AuthenticationResult?.IdToken ?? '',
    AccessToken: result.AuthenticationResult?.AccessToken ?? '',
  };
}

describe('GetId', () => {
  it('gives a user the same region:uuid identity on every sign-in, and other users other ones', async () => {
    const first = await h.identity.send(
      new GetIdCommand({ IdentityPoolId, Logins: { [provider]: await idToken('ada@example.com') } }),
    );
    const again = await h.identity.send(
      new GetIdCommand({ IdentityPoolId, Logins: { [provider]: await idToken('ada@example.com') } }),
    );
    const other = await h.identity.send(
      new GetIdCommand({ IdentityPoolId, Logins: { [provider]: await idToken('grace@example.com') } }),
    );
    expect(first.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(again.IdentityId).toBe(first.IdentityId);
    expect(other.IdentityId).not.toBe(first.IdentityId);
  });

  it('refuses a token with a bad signature', async () => {
    const [head, body] = (await idToken('ada@example.com')).split('.');
    await expectAwsError(
      h.identity.send(new GetIdCommand({ IdentityPoolId, Logins: { [provider]: `${head}.${body}.AAAA` } })),
      'NotAuthorizedException',
      /^Invalid login token\./,
    );
  });

  it('refuses an expired id token', async () => {
    const token = await idToken('ada@example.com');
    h.clock.advance(3600_000 + 1000);
    await expectAwsError(
      h.identity.send(new GetIdCommand({ IdentityPoolId, Logins: { [provider]: token } })),
      'NotAuthorizedException',
      /^Invalid login token\. Token expired/,
    );
  });

  it('refuses a provider the pool does not trust', async () => {
    await expectAwsError(
      h.identity.send(
        new GetIdCommand({
          IdentityPoolId,
          Logins: { 'cognito-idp.us-east-1.amazonaws.com/other': await idToken('ada@example.com') },
        }),
      ),
      'NotAuthorizedException',
    );
  });

  it('refuses unauthenticated identities when the pool does not allow them', async () => {
    await expectAwsError(
      h.identity.send(new GetIdCommand({ IdentityPoolId })),
      'NotAuthorizedException',
      'Unauthenticated access is not supported for this identity pool.',
    );
  });

  it('throws ResourceNotFoundException for another identity pool', async () => {
    await expectAwsError(
      h.identity.send(new GetIdCommand({ IdentityPoolId: 'us-east-1:00000000-0000-4000-8000-00000000ffff' })),
      'ResourceNotFoundException',
    );
  });
});

describe('GetCredentialsForIdentity', () => {
  it('issues ASIA credentials for the authenticated role, valid for one hour', async () => {
    const Logins = { [provider]: await idToken('ada@example.com') };
    const { IdentityId } = await h.identity.send(new GetIdCommand({ IdentityPoolId, Logins }));
    const result = await h.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
    const credentials = result.Credentials;
    expect(result.IdentityId).toBe(IdentityId);
    expect(credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials?.SecretKey?.length).toBe(40);
    expect(credentials?.SessionToken).toBeTruthy();
    expect(credentials?.Expiration?.getTime()).toBe(Math.floor((h.clock.now() + 3600_000) / 1000) * 1000);
  });

  it('refuses another user\u2019s token for an identity', async () => {
    const { IdentityId } = await h.identity.send(
      new GetIdCommand({ IdentityPoolId, Logins: { [provider]: await idToken('ada@example.com') } }),
    );
    await expectAwsError(
      h.identity.send(
        new GetCredentialsForIdentityCommand({
          IdentityId,
          Logins: { [provider]: await idToken('grace@example.com') },
        }),
      ),
      'NotAuthorizedException',
      /^Logins don't match/,
    );
  });

  it('throws ResourceNotFoundException for an unknown identity', async () => {
    await expectAwsError(
      h.identity.send(
        new GetCredentialsForIdentityCommand({
          IdentityId: 'us-east-1:00000000-0000-4000-8000-000000000000',
        }),
      ),
      'ResourceNotFoundException',
    );
  });
});

describe('ServerSideTokenCheck (the stack turns it on)', () => {
  it('is read from the template', () => {
    expect(h.model.identityPool.providers[0]?.serverSideTokenCheck).toBe(true);
  });

  it('refuses credentials for an id token whose session GlobalSignOut ended', async () => {
    await h.createUser('lin@example.com', 'Correct-Horse-1');
    const tokens = await signIn('lin@example.com');
    const Logins = { [provider]: tokens.IdToken };
    const { IdentityId } = await h.identity.send(new GetIdCommand({ IdentityPoolId, Logins }));
    await h.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
    await h.idp.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken }));
    await expectAwsError(
      h.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins })),
      'NotAuthorizedException',
      /^Invalid login token\. Token has been revoked/,
    );
    await expectAwsError(
      h.identity.send(new GetIdCommand({ IdentityPoolId, Logins })),
      'NotAuthorizedException',
      /revoked/,
    );
    // A new sign-in is a new session: accepted again.
    const fresh = { [provider]: await idToken('lin@example.com') };
    await h.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: fresh }));
  });

  it('refuses the id token of a deleted user', async () => {
    await h.createUser('mo@example.com', 'Correct-Horse-1');
    const Logins = { [provider]: await idToken('mo@example.com') };
    const { IdentityId } = await h.identity.send(new GetIdCommand({ IdentityPoolId, Logins }));
    await h.idp.send(
      new AdminDeleteUserCommand({ UserPoolId: h.model.userPool.id, Username: 'mo@example.com' }),
    );
    await expectAwsError(
      h.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins })),
      'NotAuthorizedException',
      /^Invalid login token\./,
    );
  });

  it('accepts a signed-out id token until it expires when the provider does not check', async () => {
    const lax = await startHarness({
      userPoolClient: { explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
      identityPool: {
        providers: h.model.identityPool.providers.map((p) => ({ ...p, serverSideTokenCheck: false })),
      },
    });
    try {
      await lax.createUser('ada@example.com', 'Correct-Horse-1');
      const result = await lax.passwordSignIn('ada@example.com', 'Correct-Horse-1');
      const auth = result.AuthenticationResult;
      await lax.idp.send(new GlobalSignOutCommand({ AccessToken: auth?.AccessToken }));
      const Logins = { [provider]: auth?.IdToken ?? '' };
      const { IdentityId } = await lax.identity.send(
        new GetIdCommand({ IdentityPoolId: lax.model.identityPool.id, Logins }),
      );
      const { Credentials } = await lax.identity.send(
        new GetCredentialsForIdentityCommand({ IdentityId, Logins }),
      );
      expect(Credentials?.AccessKeyId).toMatch(/^ASIA/);
    } finally {
      await lax.close();
    }
  });
});

describe('unauthenticated identities', () => {
  it('get credentials for the unauthenticated role where the pool allows them', async () => {
    const open = await startHarness({ identityPool: { allowUnauthenticatedIdentities: true } });
    try {
      const { IdentityId } = await open.identity.send(
        new GetIdCommand({ IdentityPoolId: open.model.identityPool.id }),
      );
      expect(IdentityId).toMatch(/^us-east-1:/);
      const { Credentials } = await open.identity.send(new GetCredentialsForIdentityCommand({ IdentityId }));
      expect(Credentials?.AccessKeyId).toMatch(/^ASIA/);
    } finally {
      await open.close();
    }
  });

  it('are refused credentials for a role whose trust policy admits only authenticated identities', async () => {
    // The authenticated role's trust policy requires amr "authenticated" (and aud = the pool).
    expect(JSON.stringify(h.model.roles.map((r) => r.trustPolicy))).toContain('"authenticated"');
    await expectGuestCredentialsRefused({
      allowUnauthenticatedIdentities: true,
      unauthenticatedRoleArn: h.model.identityPool.authenticatedRoleArn,
    });
  });

  it('are refused credentials when the trust policy names another identity pool (aud)', async () => {
    const open = await startHarness({
      identityPool: { id: 'us-east-1:11111111-1111-4111-8111-111111111111' },
      userPoolClient: { explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] },
    });
    try {
      await open.createUser('ada@example.com', 'Correct-Horse-1');
      const signedIn = await open.passwordSignIn('ada@example.com', 'Correct-Horse-1');
      const Logins = { [provider]: signedIn.AuthenticationResult?.IdToken ?? '' };
      const { IdentityId } = await open.identity.send(
        new GetIdCommand({ IdentityPoolId: open.model.identityPool.id, Logins }),
      );
      await expectAwsError(
        open.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins })),
        'InvalidIdentityPoolConfigurationException',
      );
    } finally {
      await open.close();
    }
  });

  it('are refused credentials when the stack attaches no unauthenticated role', async () => {
    await expectGuestCredentialsRefused({
      allowUnauthenticatedIdentities: true,
      unauthenticatedRoleArn: undefined,
    });
  });
});

/** Starts an emulator whose identity pool has `identityPool`, and expects a guest's credentials refused as misconfigured. */
async function expectGuestCredentialsRefused(identityPool: FixtureOverrides['identityPool']): Promise<void> {
  const open = await startHarness({ identityPool });
  try {
    const { IdentityId } = await open.identity.send(
      new GetIdCommand({ IdentityPoolId: open.model.identityPool.id }),
    );
    await expectAwsError(
      open.identity.send(new GetCredentialsForIdentityCommand({ IdentityId })),
      'InvalidIdentityPoolConfigurationException',
    );
  } finally {
    await open.close();
  }
}
