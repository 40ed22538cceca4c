/*
 * The account route in the app shell: `#/account` shows the lazily loaded account page when signed
 * in, Sign in in place when not (and the page after signing in), and the header links lead between
 * the files and the account.
 */
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeAuthS3 } from '../__tests__/fake-auth-s3';
import { renderWithAuth } from '../__tests__/render';
import { App } from '../App';

const ada = () => createFakeAuthS3({ users: { 'ada@example.com': { password: 'Correct-Horse-9' } } });

describe('the account route', () => {
  it('shows Sign in in place when signed out, then the account page after signing in', async () => {
    window.location.hash = '#/account';
    const client = ada();
    renderWithAuth(<App />, client);
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    await act(() => client.auth.signIn('ada@example.com', 'Correct-Horse-9'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Account' })).toBeTruthy();
    expect(document.title).toBe('Account · auth-s3 files');
    expect(window.location.hash).toBe('#/account');
  });

  it('is linked from the files view header, marked as the current page once there', async () => {
    window.location.hash = '#/my/';
    const client = ada();
    await client.auth.signIn('ada@example.com', 'Correct-Horse-9');
    const { user } = renderWithAuth(<App />, client);
    await screen.findByRole('heading', { name: 'My files' });
    await user.click(screen.getByRole('link', { name: 'Account' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Account' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Account' }).getAttribute('aria-current')).toBe('page');
    await user.click(screen.getByRole('link', { name: 'Files' }));
    expect(await screen.findByRole('heading', { name: 'My files' })).toBeTruthy();
  });
});
