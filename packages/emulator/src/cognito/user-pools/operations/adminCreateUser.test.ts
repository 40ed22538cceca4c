/* Unit tests for AdminCreateUser: temporary passwords, their validity, and SUPPRESS. */
import { describe, expect, it } from 'vitest';
import { testServices, USER_POOL_ID } from '../../__tests__/test-services.js';
import {
  InvalidParameterError,
  InvalidPasswordError,
  ResourceNotFoundError,
  UsernameExistsError,
} from '../../errors.js';
import { adminCreateUser } from './adminCreateUser.js';

const UserPoolId = USER_POOL_ID;

describe('adminCreateUser', () => {
  it('creates a FORCE_CHANGE_PASSWORD user whose mailed temporary password works for 7 days', async () => {
    const services = await testServices();
    const { User } = await adminCreateUser(services)({ UserPoolId, Username: 'ada@example.com' });
    const user = services.users.find('ada@example.com');
    expect(User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    const temporary = services.inbox.list('ada@example.com')[0]?.code ?? '';
    expect(user && services.users.passwordMatches(user, temporary)).toBe(true);
    expect(user?.temporaryPasswordExpiresAt).toBe(services.clock.now() + 7 * 86_400_000);
    expect(services.logged.join('\n')).not.toContain(temporary);
  });

  it('sends nothing with MessageAction SUPPRESS, and checks a given password against the policy', async () => {
    const services = await testServices();
    await adminCreateUser(services)({
      UserPoolId,
      Username: 'a@example.com',
      MessageAction: 'SUPPRESS',
      TemporaryPassword: 'Temporary-1',
    });
    expect(services.inbox.list()).toEqual([]);
    await expect(
      adminCreateUser(services)({ UserPoolId, Username: 'b@example.com', TemporaryPassword: 'weak' }),
    ).rejects.toThrow(InvalidPasswordError);
  });

  it('throws InvalidParameterError for a username that is not an email in an email pool', async () => {
    const services = await testServices();
    await expect(adminCreateUser(services)({ UserPoolId, Username: 'ada' })).rejects.toThrow(
      InvalidParameterError,
    );
  });

  it('throws UsernameExistsError and ResourceNotFoundError', async () => {
    const services = await testServices();
    await adminCreateUser(services)({ UserPoolId, Username: 'ada@example.com' });
    await expect(adminCreateUser(services)({ UserPoolId, Username: 'ada@example.com' })).rejects.toThrow(
      UsernameExistsError,
    );
    await expect(
      adminCreateUser(services)({ UserPoolId: 'us-east-1_x', Username: 'b@example.com' }),
    ).rejects.toThrow(ResourceNotFoundError);
  });
});
