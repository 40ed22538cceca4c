/* Unit tests for AdminConfirmSignUp. */
import { describe, expect, it } from 'vitest';
import { seedUser, testServices, USER_POOL_ID } from '../../__tests__/test-services.js';
import { NotAuthorizedError, UserNotFoundError } from '../../errors.js';
import { adminConfirmSignUp } from './adminConfirmSignUp.js';

const UserPoolId = USER_POOL_ID;

describe('adminConfirmSignUp', () => {
  it('confirms an unconfirmed user, once', async () => {
    const services = await testServices();
    seedUser(services, 'ada@example.com', undefined, 'UNCONFIRMED');
    await adminConfirmSignUp(services)({ UserPoolId, Username: 'ada@example.com' });
    expect(services.users.find('ada@example.com')?.status).toBe('CONFIRMED');
    await expect(adminConfirmSignUp(services)({ UserPoolId, Username: 'ada@example.com' })).rejects.toThrow(
      NotAuthorizedError,
    );
  });

  it('throws UserNotFoundError for an unknown user', async () => {
    const services = await testServices();
    await expect(adminConfirmSignUp(services)({ UserPoolId, Username: 'ghost@example.com' })).rejects.toThrow(
      UserNotFoundError,
    );
  });
});
