/* Unit tests for AdminSetUserMFAPreference (API reference: API_AdminSetUserMFAPreference.html). */
import { describe, expect, it } from 'vitest';
import { seedUser, testServices, USER_POOL_ID } from '../../__tests__/test-services.js';
import { UserNotFoundError } from '../../errors.js';
import { adminSetUserMFAPreference } from './adminSetUserMFAPreference.js';

const UserPoolId = USER_POOL_ID;

describe('adminSetUserMFAPreference', () => {
  it('turns a user’s verified app off and on by email, and reports an unknown user', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    user.softwareToken = { secret: 'GEZDGNBV', enabled: true, preferred: true };
    const set = (Username: string, Enabled: boolean) =>
      adminSetUserMFAPreference(services)({ UserPoolId, Username, SoftwareTokenMfaSettings: { Enabled } });
    await set('ada@example.com', false);
    expect(user.softwareToken).toMatchObject({ enabled: false, preferred: false });
    await set('ada@example.com', true);
    expect(user.softwareToken.enabled).toBe(true);
    await expect(set('nobody@example.com', true)).rejects.toThrow(UserNotFoundError);
  });
});
