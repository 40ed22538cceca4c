/* Unit tests for ChangePassword: the old password must be proven, the new one must meet the policy. */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, seedUser, testServices } from '../../__tests__/test-services.js';
import { InvalidPasswordError, NotAuthorizedError } from '../../errors.js';
import { changePassword } from './changePassword.js';

const ClientId = CLIENT_ID;

describe('changePassword', () => {
  it('changes the password when the previous one is right', async () => {
    const services = await testServices();
    const user = seedUser(services, 'ada@example.com');
    const { AccessToken } = services.tokens.signIn(user, ClientId);
    const change = (PreviousPassword: string, ProposedPassword: string) =>
      changePassword(services)({ AccessToken, PreviousPassword, ProposedPassword });
    await expect(change('Wrong-Horse-1', 'New-Horse-2')).rejects.toThrow(NotAuthorizedError);
    await expect(change('Correct-Horse-1', 'weak')).rejects.toThrow(InvalidPasswordError);
    await change('Correct-Horse-1', 'New-Horse-2');
    expect(services.users.passwordMatches(user, 'New-Horse-2')).toBe(true);
  });
});
