/* Unit tests for ConfirmForgotPassword: code checks, the policy, and the new password taking effect. */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, seedUser, testServices } from '../../__tests__/test-services.js';
import { CodeMismatchError, ExpiredCodeError, InvalidPasswordError } from '../../errors.js';
import { confirmForgotPassword } from './confirmForgotPassword.js';

const ClientId = CLIENT_ID;

async function withCode() {
  const services = await testServices();
  const user = seedUser(services, 'ada@example.com');
  const code = services.codes.issue(user.username, 'forgotPassword');
  const confirm = (ConfirmationCode: string, Password = 'New-Horse-2') =>
    confirmForgotPassword(services)({ ClientId, Username: 'ada@example.com', ConfirmationCode, Password });
  return { services, user, code, confirm };
}

describe('confirmForgotPassword', () => {
  it('sets the new password', async () => {
    const { services, user, code, confirm } = await withCode();
    await confirm(code);
    expect(services.users.passwordMatches(user, 'New-Horse-2')).toBe(true);
    expect(services.users.passwordMatches(user, 'Correct-Horse-1')).toBe(false);
  });

  it('checks the policy before spending the code', async () => {
    const { code, confirm } = await withCode();
    await expect(confirm(code, 'weak')).rejects.toThrow(InvalidPasswordError);
    await confirm(code);
  });

  it('throws CodeMismatchError and ExpiredCodeError', async () => {
    const { services, code, confirm } = await withCode();
    await expect(confirm(code === '000000' ? '111111' : '000000')).rejects.toThrow(CodeMismatchError);
    services.clock.advance(3600_000);
    await expect(confirm(code)).rejects.toThrow(ExpiredCodeError);
  });
});
