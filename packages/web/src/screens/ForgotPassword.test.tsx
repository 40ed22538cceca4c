/*
 * Component tests of the password reset: email step, code + new password step, sign-in at the end.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeAuthS3 } from '../__tests__/fake-auth-s3';
import { renderWithAuth } from '../__tests__/render';
import { ForgotPassword } from './ForgotPassword';

describe('ForgotPassword', () => {
  it('sends a code, sets the new password and signs in with it', async () => {
    const client = createFakeAuthS3({ users: { 'ada@example.com': { password: 'Old-Password-1' } } });
    const { user } = renderWithAuth(<ForgotPassword email="" />, client);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText('We sent a code to ada@example.com.')).toBeTruthy();

    await user.type(screen.getByLabelText('Code'), '123456');
    await user.type(screen.getByLabelText('New password'), 'weak');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(screen.getByText(/Your password still needs/)).toBeTruthy();

    await user.clear(screen.getByLabelText('New password'));
    await user.type(screen.getByLabelText('New password'), 'New-Password-2');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(client.users.get('ada@example.com')?.password).toBe('New-Password-2');
    expect(client.auth.currentUser()?.email).toBe('ada@example.com');
  });

  it('pre-fills the email from the sign-in screen', () => {
    renderWithAuth(<ForgotPassword email="ada@example.com" />);
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('ada@example.com');
  });
});
