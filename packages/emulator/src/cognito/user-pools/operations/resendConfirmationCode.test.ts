/* Unit tests for ResendConfirmationCode over in-memory services. */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, seedUser, testServices } from '../../__tests__/test-services.js';
import { CodeMismatchError, InvalidParameterError, UserNotFoundError } from '../../errors.js';
import { resendConfirmationCode } from './resendConfirmationCode.js';

const ClientId = CLIENT_ID;

describe('resendConfirmationCode', () => {
  it('replaces the code: the old one stops working', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com', undefined, 'UNCONFIRMED');
    const old = services.codes.issue(user.username, 'signUp');
    await resendConfirmationCode(services)({ ClientId, Username: 'ada@example.com' });
    const fresh = services.inbox.list('ada@example.com')[0]?.code ?? '';
    if (old !== fresh)
      await expect(services.codes.redeem(user.username, 'signUp', old)).rejects.toThrow(CodeMismatchError);
    await services.codes.redeem(user.username, 'signUp', fresh);
  });

  it('throws InvalidParameterError for a confirmed user', async () => {
    const services = await testServices();
    seedUser(services, 'ada@example.com');
    await expect(resendConfirmationCode(services)({ ClientId, Username: 'ada@example.com' })).rejects.toThrow(
      InvalidParameterError,
    );
  });

  it('answers for an unknown user as if it had sent a code, unless the pool names users', async () => {
    const hidden = await testServices();
    const result = await resendConfirmationCode(hidden)({ ClientId, Username: 'ghost@example.com' });
    expect(result.CodeDeliveryDetails?.Destination).toBe('g***@e***');
    expect(hidden.inbox.list()).toEqual([]);
    const open = await testServices({ userPoolClient: { preventUserExistenceErrors: false } });
    await expect(resendConfirmationCode(open)({ ClientId, Username: 'ghost@example.com' })).rejects.toThrow(
      UserNotFoundError,
    );
  });
});
