/*
 * Component tests of the sign-in form: validation, wrong password, unconfirmed users, prefetch.
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

  it('links to the password reset and sign-up screens', () => {
    renderWithAuth(<SignIn />);
    expect(screen.getByRole('link', { name: 'Forgot password?' }).getAttribute('href')).toBe('#/forgot');
    expect(screen.getByRole('link', { name: 'Create an account' }).getAttribute('href')).toBe('#/sign-up');
  });
});
