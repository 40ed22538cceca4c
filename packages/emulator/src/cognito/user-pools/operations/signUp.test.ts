/* Unit tests for SignUp over in-memory services. */
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, testServices } from '../../__tests__/test-services.js';
import {
  InvalidParameterError,
  InvalidPasswordError,
  NotAuthorizedError,
  UsernameExistsError,
} from '../../errors.js';
import { signUp } from './signUp.js';

const request = (Username: string, Password = 'Correct-Horse-1') => ({
  ClientId: CLIENT_ID,
  Username,
  Password,
});

describe('signUp', () => {
  it('stores an unconfirmed user with a verifier, not the password, and mails a code', async () => {
    const services = await testServices();
    const result = await signUp(services)(request('ada@example.com'));
    const user = services.users.find('ada@example.com');
    expect(user).toMatchObject({ status: 'UNCONFIRMED', username: result.UserSub, sub: result.UserSub });
    expect(JSON.stringify(user)).not.toContain('Correct-Horse-1');
    expect(services.inbox.list('ada@example.com')[0]?.code).toMatch(/^\d{6}$/);
    expect(services.logged.join('\n')).toContain('ada@example.com');
  });

  it('throws UsernameExistsError when the email is taken, in any case', async () => {
    const services = await testServices();
    await signUp(services)(request('ada@example.com'));
    await expect(signUp(services)(request('Ada@Example.com'))).rejects.toThrow(UsernameExistsError);
  });

  it('throws InvalidPasswordError naming the rule', async () => {
    const services = await testServices();
    await expect(signUp(services)(request('ada@example.com', 'correct-horse-1'))).rejects.toThrow(
      new InvalidPasswordError(
        'Password did not conform with policy: Password must have uppercase characters',
      ),
    );
  });

  it('throws InvalidParameterError for a username that is not an email', async () => {
    const services = await testServices();
    await expect(signUp(services)(request('ada'))).rejects.toThrow(InvalidParameterError);
  });

  it('throws NotAuthorizedError when self sign-up is off', async () => {
    const services = await testServices({ userPool: { selfSignUpEnabled: false } });
    await expect(signUp(services)(request('ada@example.com'))).rejects.toThrow(NotAuthorizedError);
  });

  it('sends no code when the pool verifies nothing automatically', async () => {
    const services = await testServices({ userPool: { autoVerifiedAttributes: [] } });
    const result = await signUp(services)(request('ada@example.com'));
    expect(result.CodeDeliveryDetails).toBeUndefined();
    expect(services.inbox.list()).toEqual([]);
  });
});
