/*
 * Component tests of the sign-in step of a pool that requires an authenticator app (MFA_SETUP,
 * `mfaMode: 'ON'`), through the sign-in screen: the QR code and the secret as text, a first code
 * that signs in, bad input (5 or 7 digits, letters) refused with a clear message before anything is
 * sent, a wrong code retried on the same step, and an expired step sending the user back.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeAuthS3, fakeTotpCode } from '../__tests__/fake-auth-s3';
import { renderWithAuth } from '../__tests__/render';
import { SignIn } from './SignIn';

const required = () =>
  createFakeAuthS3({ mfaMode: 'ON', users: { 'ada@example.com': { password: 'Correct-Horse-9' } } });

async function toSetupStep(client = required()) {
  const rendered = renderWithAuth(<SignIn />, client);
  await rendered.user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await rendered.user.type(screen.getByLabelText('Password'), 'Correct-Horse-9{Enter}');
  await screen.findByRole('heading', { name: 'Set up your authenticator app' });
  const key = (screen.getByLabelText('Setup key') as HTMLInputElement).value;
  const field = screen.getByLabelText('Authenticator code') as HTMLInputElement;
  return { ...rendered, key, secret: key.replaceAll(' ', ''), field };
}

describe('MfaSetupStep', () => {
  it('shows the QR code and the secret in groups of four, and signs in with a first code', async () => {
    const { user, client, key, secret, field } = await toSetupStep();
    expect(screen.getByRole('img', { name: 'QR code for your authenticator app' })).toBeTruthy();
    expect(key).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    expect(field.getAttribute('inputmode')).toBe('numeric');
    expect(field.getAttribute('autocomplete')).toBe('one-time-code');
    expect(client.auth.currentUser()).toBeNull();
    await user.type(field, `${fakeTotpCode(secret)}{Enter}`);
    expect(client.auth.currentUser()?.email).toBe('ada@example.com');
  });

  it('refuses 5 and 7 digits and letters with a clear message, sending nothing', async () => {
    const { user, client, field } = await toSetupStep();
    for (const bad of ['12345', '1234567', 'abcdef']) {
      await user.clear(field);
      await user.type(field, `${bad}{Enter}`);
      expect(screen.getByText('The code is the 6 digits your authenticator app shows.')).toBeTruthy();
    }
    expect(client.calls.filter((c) => c.startsWith('verifySetup'))).toEqual([]);
  });

  it('takes a wrong code, says so, then the right one on the same step', async () => {
    const { user, client, secret, field } = await toSetupStep();
    const right = fakeTotpCode(secret);
    await user.type(field, `${right === '000000' ? '111111' : '000000'}{Enter}`);
    expect((await screen.findByRole('alert')).textContent).toBe('That code is not right.');
    expect(field.value).toBe('');
    await user.type(field, `${right}{Enter}`);
    expect(client.auth.currentUser()?.email).toBe('ada@example.com');
    expect(client.calls.filter((c) => c.startsWith('signIn'))).toEqual(['signIn:ada@example.com']);
  });

  it('follows a new password (a user an administrator created) into the set-up', async () => {
    const client = createFakeAuthS3({
      mfaMode: 'ON',
      users: { 'ada@example.com': { password: 'Temp-Passw0rd!', temporary: true } },
    });
    const { user } = renderWithAuth(<SignIn />, client);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'Temp-Passw0rd!{Enter}');
    await user.type(await screen.findByLabelText('New password'), 'Chosen-Passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    const key = (await screen.findByLabelText('Setup key')) as HTMLInputElement;
    expect(client.auth.currentUser()).toBeNull();
    await user.type(
      screen.getByLabelText('Authenticator code'),
      `${fakeTotpCode(key.value.replaceAll(' ', ''))}{Enter}`,
    );
    expect(client.auth.currentUser()?.email).toBe('ada@example.com');
  });

  it('goes back to the password form with a notice when the step has expired, and a new sign-in works', async () => {
    const client = required();
    const { user, field } = await toSetupStep(client);
    client.expireChallenge('ada@example.com');
    await user.type(field, '123456{Enter}');
    expect(await screen.findByText(/That took too long\. Sign in again to set up/)).toBeTruthy();
    // The form keeps what was typed: signing in again is one click.
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const key = (await screen.findByLabelText('Setup key')) as HTMLInputElement;
    await user.type(
      screen.getByLabelText('Authenticator code'),
      `${fakeTotpCode(key.value.replaceAll(' ', ''))}{Enter}`,
    );
    expect(client.auth.currentUser()?.email).toBe('ada@example.com');
  });
});
