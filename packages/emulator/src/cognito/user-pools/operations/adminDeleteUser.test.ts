/* Unit tests for AdminDeleteUser. */
import { describe, expect, it } from 'vitest';
import { seedUser, testServices, USER_POOL_ID } from '../../__tests__/test-services.js';
import { UserNotFoundError } from '../../errors.js';
import { adminDeleteUser } from './adminDeleteUser.js';

const UserPoolId = USER_POOL_ID;

describe('adminDeleteUser', () => {
  it('deletes by email, then reports the user missing', async () => {
    const services = await testServices();
    seedUser(services, 'ada@example.com');
    await adminDeleteUser(services)({ UserPoolId, Username: 'ada@example.com' });
    expect(services.users.list()).toEqual([]);
    await expect(adminDeleteUser(services)({ UserPoolId, Username: 'ada@example.com' })).rejects.toThrow(
      UserNotFoundError,
    );
  });
});
