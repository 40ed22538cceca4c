/*
 * Component tests of the confirm form: code validation, wrong code, auto sign-in, resend cooldown,
 * the emulator inbox hint.
 */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeAuthS3 } from '../__tests__/fake-auth-s3';
import { renderWithAuth } from '../__tests__/render';
import { ConfirmSignUp, RESEND_COOLDOWN_SECONDS } from './ConfirmSignUp';

afterEach(() => {
  vi.useRealTimers();
});

describe('ConfirmSignUp', () => {
  it('wants the six digits from the email', async () => {
    const { user, client } = renderWithAuth(<ConfirmSignUp email="ada@example.com" />);
    await user.type(screen.getByLabelText('Confirmation code'), '12ab');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(screen.getByText('The code is the 6 digits from the email.')).toBeTruthy();
    expect(client.calls).toEqual([]);
  });

  it('shows a wrong code as a sentence', async () => {
    const client = createFakeAuthS3();
    await client.auth.signUp('ada@example.com', 'Correct-Horse-9');
    const { user } = renderWithAuth(<ConfirmSignUp email="ada@example.com" />, client);
    await user.type(screen.getByLabelText('Confirmation code'), '999999');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That code is not right.');
  });

  it('confirms and signs the user in at once', async () => {
    const client = createFakeAuthS3();
    await client.auth.signUp('ada@example.com', 'Correct-Horse-9');
    const { user } = renderWithAuth(<ConfirmSignUp email="ada@example.com" />, client);
    await user.type(screen.getByLabelText('Confirmation code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(client.auth.currentUser()?.email).toBe('ada@example.com');
  });

  it('lets the user resend only after the cooldown', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { client } = renderWithAuth(<ConfirmSignUp email="ada@example.com" />);
    const resend = screen.getByRole('button', { name: `Resend code (${RESEND_COOLDOWN_SECONDS} s)` });
    expect(resend.hasAttribute('disabled')).toBe(true);
    for (let i = 0; i < RESEND_COOLDOWN_SECONDS; i++) {
      await act(async () => {
        vi.advanceTimersByTime(1000);
      });
    }
    const ready = screen.getByRole('button', { name: 'Resend code' });
    expect(ready.hasAttribute('disabled')).toBe(false);
    await act(async () => ready.click());
    expect(client.calls).toEqual(['resendCode:ada@example.com']);
    expect(screen.getByRole('status').textContent).toBe('We sent a new code to ada@example.com.');
    expect(screen.getByRole('button', { name: /Resend code \(\d+ s\)/ }).hasAttribute('disabled')).toBe(true);
  });

  it('links to the emulator inbox when running locally', () => {
    renderWithAuth(
      <ConfirmSignUp email="ada@example.com" />,
      createFakeAuthS3({ endpoint: 'http://127.0.0.1:4566' }),
    );
    expect(screen.getByRole('link', { name: "Open the emulator's inbox" }).getAttribute('href')).toBe(
      'http://127.0.0.1:4566/_emulator/inbox?to=ada%40example.com',
    );
  });

  it('shows no inbox hint against AWS', () => {
    renderWithAuth(<ConfirmSignUp email="ada@example.com" />);
    expect(screen.queryByRole('link', { name: "Open the emulator's inbox" })).toBeNull();
  });
});
