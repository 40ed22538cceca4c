/*
 * Component tests of the sign-up form: live password rules, validation, server errors, next step.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeAuthS3 } from '../__tests__/fake-auth-s3';
import { renderWithAuth } from '../__tests__/render';
import { SignUp } from './SignUp';

describe('SignUp', () => {
  it('checks the password rules live as the user types', async () => {
    const { user } = renderWithAuth(<SignUp />);
    const rules = screen.getByRole('list', { name: 'Password rules' });
    expect(
      within(rules)
        .getByText(/A number/)
        .closest('li')?.className,
    ).toBe('unmet');
    await user.type(screen.getByLabelText('Password'), 'abc1');
    expect(
      within(rules)
        .getByText(/A number/)
        .closest('li')?.className,
    ).toBe('met');
    expect(within(rules).getByText(/A number/).textContent).toContain('(met)');
    expect(
      within(rules)
        .getByText(/At least 8 characters/)
        .closest('li')?.className,
    ).toBe('unmet');
  });

  it('refuses to submit a weak password and says what is missing', async () => {
    const { user, client } = renderWithAuth(<SignUp />);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(
      screen.getByText(/Your password still needs: an uppercase letter, a number, a symbol/),
    ).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(client.calls).toEqual([]);
  });

  it('asks for a well-formed email', async () => {
    const { user } = renderWithAuth(<SignUp />);
    await user.type(screen.getByLabelText('Email'), 'ada@');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByText('Enter an email address like name@example.com.')).toBeTruthy();
  });

  it('signs up and moves to Confirm with the email', async () => {
    const { user, client } = renderWithAuth(<SignUp />);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'Correct-Horse-9');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(client.calls).toEqual(['signUp:ada@example.com']);
    expect(window.location.hash).toBe('#/confirm?email=ada%40example.com');
  });

  it('shows a taken email as a sentence', async () => {
    const client = createFakeAuthS3({ users: { 'ada@example.com': { password: 'Correct-Horse-9' } } });
    const { user } = renderWithAuth(<SignUp />, client);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'Correct-Horse-9');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect((await screen.findByRole('alert')).textContent).toBe('An account with this email already exists.');
  });

  it('shows and hides the password on request', async () => {
    const { user } = renderWithAuth(<SignUp />);
    const input = screen.getByLabelText('Password');
    expect(input.getAttribute('type')).toBe('password');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(input.getAttribute('type')).toBe('text');
    expect(screen.getByRole('button', { name: 'Hide password' }).getAttribute('aria-pressed')).toBe('true');
  });
});
