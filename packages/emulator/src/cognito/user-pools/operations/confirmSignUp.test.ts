/* Unit tests for ConfirmSignUp over in-memory services. */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, testServices } from '../../__tests__/test-services.js';
import {
  CodeMismatchError,
  ExpiredCodeError,
  LimitExceededError,
  NotAuthorizedError,
  UserNotFoundError,
} from '../../errors.js';
import { confirmSignUp } from './confirmSignUp.js';
import { signUp } from './signUp.js';

const ClientId = CLIENT_ID;

async function signedUp(overrides = {}) {
  const services = await testServices(overrides);
  await signUp(services)({ ClientId, Username: 'ada@example.com', Password: 'Correct-Horse-1' });
  const code = services.inbox.list('ada@example.com')[0]?.code ?? '';
  const confirm = (ConfirmationCode: string, Username = 'ada@example.com') =>
    confirmSignUp(services)({ ClientId, Username, ConfirmationCode });
  return { services, code, wrong: code === '000000' ? '111111' : '000000', confirm };
}

describe('confirmSignUp', () => {
  it('confirms the user and verifies the email', async () => {
    const { services, code, confirm } = await signedUp();
    await confirm(code);
    expect(services.users.find('ada@example.com')).toMatchObject({
      status: 'CONFIRMED',
      attributes: { email_verified: 'true' },
    });
  });

  it('throws CodeMismatchError for a wrong code', async () => {
    const { wrong, confirm } = await signedUp();
    await expect(confirm(wrong)).rejects.toThrow(CodeMismatchError);
  });

  it('throws ExpiredCodeError after 24 hours, not before', async () => {
    const { services, code, confirm } = await signedUp();
    services.clock.advance(24 * 3600_000 - 1000);
    const early = structuredClone(services.store.state.codes);
    services.clock.advance(2000);
    await expect(confirm(code)).rejects.toThrow(ExpiredCodeError);
    services.store.state.codes = early;
    services.clock.advance(-2000);
    await confirm(code);
  });

  it('throws LimitExceededError after five wrong codes', async () => {
    const { code, wrong, confirm } = await signedUp();
    for (let i = 0; i < 5; i++) await expect(confirm(wrong)).rejects.toThrow(CodeMismatchError);
    await expect(confirm(code)).rejects.toThrow(LimitExceededError);
  });

  it('throws NotAuthorizedError for a confirmed user', async () => {
    const { code, confirm } = await signedUp();
    await confirm(code);
    await expect(confirm(code)).rejects.toThrow('User cannot be confirmed. Current status is CONFIRMED');
    await expect(confirm(code)).rejects.toThrow(NotAuthorizedError);
  });

  it('names an unknown user only where the pool does not hide users', async () => {
    const hidden = await signedUp();
    await expect(hidden.confirm('123456', 'ghost@example.com')).rejects.toThrow(CodeMismatchError);
    const open = await signedUp({ userPoolClient: { preventUserExistenceErrors: false } });
    await expect(open.confirm('123456', 'ghost@example.com')).rejects.toThrow(UserNotFoundError);
  });
});
