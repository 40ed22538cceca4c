/* Unit tests for ForgotPassword: a 1-hour code to verified emails only. */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, seedUser, testServices } from '../../__tests__/test-services.js';
import { InvalidParameterError, UserNotFoundError } from '../../errors.js';
import { forgotPassword } from './forgotPassword.js';

const ClientId = CLIENT_ID;

describe('forgotPassword', () => {
  it('mails a reset code valid for one hour', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    await forgotPassword(services)({ ClientId, Username: 'ada@example.com' });
    expect(services.inbox.list('ada@example.com')[0]?.kind).toBe('forgotPassword');
    expect(services.store.state.codes[`forgotPassword:${user.username}`]?.expiresAt).toBe(
      services.clock.now() + 3600_000,
    );
  });

  it('throws InvalidParameterError when the email is not verified', async () => {
    const services = await testServices();
    seedUser(services, 'ada@example.com', undefined, 'UNCONFIRMED');
    await expect(forgotPassword(services)({ ClientId, Username: 'ada@example.com' })).rejects.toThrow(
      InvalidParameterError,
    );
  });

  it('hides unknown users unless the pool names them', async () => {
    const hidden = await testServices();
    await expect(forgotPassword(hidden)({ ClientId, Username: 'ghost@example.com' })).resolves.toHaveProperty(
      'CodeDeliveryDetails',
    );
    const open = await testServices({ userPoolClient: { preventUserExistenceErrors: false } });
    await expect(forgotPassword(open)({ ClientId, Username: 'ghost@example.com' })).rejects.toThrow(
      UserNotFoundError,
    );
  });
});
