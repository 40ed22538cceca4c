/*
 * Component tests of the sign-in form: validation, wrong password, unconfirmed users, prefetch, and
 * the authenticator-code step (numeric one-time-code field, paste, wrong code retried, expiry).
 */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createFakeAuthS3 } from '../__tests__/fake-auth-s3';
import { renderWithAuth } from '../__tests__/render';
import { SignIn } from './SignIn';

const ada = () => createFakeAuthS3({ users: { 'ada@example.com': { password: 'Correct-Horse-9' } } });

describe('SignIn', () => {
  it('asks for both fields before sending anything', async () => {
    const { user, client } = renderWithAuth(<SignIn />);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter your email address.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(client.calls).toEqual([]);
  });

  it('says so when the password is wrong', async () => {
    const { user } = renderWithAuth(<SignIn />, ada());
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Incorrect email or password.');
  });

  it('signs in with the right password', async () => {
    const client = ada();
    const { user } = renderWithAuth(<SignIn />, client);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'Correct-Horse-9{Enter}');
    expect(client.auth.currentUser()?.email).toBe('ada@example.com');
  });

  it('sends an unconfirmed user to Confirm with a fresh code', async () => {
    const client = createFakeAuthS3({
      users: { 'bo@example.com': { password: 'Correct-Horse-9', confirmed: false } },
    });
    const { user } = renderWithAuth(<SignIn />, client);
    await user.type(screen.getByLabelText('Email'), 'bo@example.com');
    await user.type(screen.getByLabelText('Password'), 'Correct-Horse-9');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(client.calls).toEqual(['signIn:bo@example.com', 'resendCode:bo@example.com']);
    expect(window.location.hash).toBe('#/confirm?email=bo%40example.com');
  });

  it('starts fetching the files view while the password is typed', async () => {
    const onTypingPassword = vi.fn();
    const { user } = renderWithAuth(<SignIn onTypingPassword={onTypingPassword} />);
    expect(onTypingPassword).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Password'), 'x');
    expect(onTypingPassword).toHaveBeenCalled();
  });

  describe('the authenticator-code step', () => {
    const withTotp = () =>
      createFakeAuthS3({ users: { 'ada@example.com': { password: 'Correct-Horse-9', totp: '246810' } } });

    async function toCodeStep(client = withTotp()) {
      const rendered = renderWithAuth(<SignIn />, client);
      await rendered.user.type(screen.getByLabelText('Email'), 'ada@example.com');
      await rendered.user.type(screen.getByLabelText('Password'), 'Correct-Horse-9{Enter}');
      return { ...rendered, field: (await screen.findByLabelText('Authenticator code')) as HTMLInputElement };
    }

    it('asks for the code in a numeric one-time-code field after the password', async () => {
      const { client, field } = await toCodeStep();
      expect(field.getAttribute('inputmode')).toBe('numeric');
      expect(field.getAttribute('autocomplete')).toBe('one-time-code');
      expect(client.auth.currentUser()).toBeNull();
    });

    it('says what is wrong with letters or a 5-digit code before sending anything', async () => {
      const { user, client, field } = await toCodeStep();
      await user.type(field, '12a45{Enter}');
      expect(screen.getByText('The code is the 6 digits your authenticator app shows.')).toBeTruthy();
      await user.clear(field);
      await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
      expect(screen.getByText('Enter the code from your authenticator app.')).toBeTruthy();
      expect(client.calls.filter((c) => c.startsWith('submitCode'))).toEqual([]);
    });

    it('takes a wrong code, says so, and then the right one on the same step', async () => {
      const { user, client, field } = await toCodeStep();
      await user.type(field, '135790{Enter}');
      expect((await screen.findByRole('alert')).textContent).toBe('That code is not right.');
      expect(field.value).toBe('');
      await user.type(field, '246810{Enter}');
      expect(client.auth.currentUser()?.email).toBe('ada@example.com');
      expect(client.calls.filter((c) => c.startsWith('signIn'))).toEqual(['signIn:ada@example.com']);
    });

    it('accepts a pasted code with a space in it', async () => {
      const { user, client, field } = await toCodeStep();
      await user.click(field);
      await user.paste('246 810');
      expect(field.value).toBe('246810');
      await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
      expect(client.auth.currentUser()?.email).toBe('ada@example.com');
    });

    it('follows a new password (a user an administrator created) into the code step', async () => {
      const client = createFakeAuthS3({
        users: { 'ada@example.com': { password: 'Temp-Passw0rd!', temporary: true, totp: '246810' } },
      });
      const { user } = renderWithAuth(<SignIn />, client);
      await user.type(screen.getByLabelText('Email'), 'ada@example.com');
      await user.type(screen.getByLabelText('Password'), 'Temp-Passw0rd!{Enter}');
      await user.type(await screen.findByLabelText('New password'), 'Chosen-Passw0rd!');
      await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));
      await user.type(await screen.findByLabelText('Authenticator code'), '246810{Enter}');
      expect(client.auth.currentUser()?.email).toBe('ada@example.com');
    });

    it('goes back to the password form with a notice when the step has expired', async () => {
      const client = withTotp();
      const { user, field } = await toCodeStep(client);
      client.expireChallenge('ada@example.com');
      await user.type(field, '246810{Enter}');
      expect(await screen.findByText(/That took too long\. Sign in again/)).toBeTruthy();
      expect(screen.getByLabelText('Password')).toBeTruthy();
    });
  });

  it('links to the password reset and sign-up screens', () => {
    renderWithAuth(<SignIn />);
    expect(screen.getByRole('link', { name: 'Forgot password?' }).getAttribute('href')).toBe('#/forgot');
    expect(screen.getByRole('link', { name: 'Create an account' }).getAttribute('href')).toBe('#/sign-up');
  });
});
