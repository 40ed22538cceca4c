/* Unit tests for AdminGetUser (API reference: API_AdminGetUser.html): the user and their MFA settings. */
import { describe, expect, it } from 'vitest';
import { seedUser, testServices, USER_POOL_ID } from '../../__tests__/test-services.js';
import { ResourceNotFoundError, UserNotFoundError } from '../../errors.js';
import { adminGetUser } from './adminGetUser.js';

const UserPoolId = USER_POOL_ID;

describe('adminGetUser', () => {
  it('describes a user by email, with MFA fields only once TOTP is on', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    const plain = await adminGetUser(services)({ UserPoolId, Username: 'ADA@example.com' });
    expect(plain).toMatchObject({ Username: user.username, UserStatus: 'CONFIRMED', Enabled: true });
    expect(plain.UserAttributes).toContainEqual({ Name: 'email', Value: 'ada@example.com' });
    expect(plain.UserCreateDate).toEqual(new Date(user.createdAt));
    expect(plain).not.toHaveProperty('UserMFASettingList');
    user.softwareToken = { secret: 'GEZDGNBV', enabled: true, preferred: false };
    const withMfa = await adminGetUser(services)({ UserPoolId, Username: 'ada@example.com' });
    expect(withMfa.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(withMfa.PreferredMfaSetting).toBeUndefined();
  });

  it('reports an unknown user and another pool', async () => {
    const services = await testServices();
    await expect(adminGetUser(services)({ UserPoolId, Username: 'nobody@example.com' })).rejects.toThrow(
      UserNotFoundError,
    );
    await expect(
      adminGetUser(services)({ UserPoolId: 'us-east-1_Other0000', Username: 'x' }),
    ).rejects.toThrow(ResourceNotFoundError);
  });
});
