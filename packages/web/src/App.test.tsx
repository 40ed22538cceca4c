/*
 * Component tests of the app shell: hooks outside the provider, redirects by sign-in state, auth
 * state that follows the library's events alone (a sign-in or sign-out made anywhere, a refresh the
 * library refuses, with the round trip back to the same folder), and the files view on the fake
 * library (uploads, text-only names, delete after confirmation, a denied action in words).
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { AccessDeniedError } from 'auth-s3/errors';
import { describe, expect, it } from 'vitest';
import { createFakeAuthS3 } from './__tests__/fake-auth-s3';
import { renderWithAuth } from './__tests__/render';
import { App } from './App';
import { EXPIRED_NOTICE } from './auth/AuthS3Provider';
import { useAuth } from './auth/useAuth';
import { useFiles } from './files/useFiles';

const signedInClient = async () => {
  const client = createFakeAuthS3({ users: { 'ada@example.com': { password: 'Correct-Horse-9' } } });
  await client.auth.signIn('ada@example.com', 'Correct-Horse-9');
  return client;
};

function UsesAuth() {
  useAuth();
  return null;
}

function ReadsAuth({ into }: { into: object[] }) {
  into.push(useAuth());
  return null;
}

function UsesFiles() {
  useFiles();
  return null;
}

describe('hooks', () => {
  it('explain how to fix a missing provider', () => {
    expect(() => render(<UsesAuth />)).toThrow(/useAuth\(\) was called outside <AuthS3Provider>/);
    expect(() => render(<UsesFiles />)).toThrow(/useFiles\(\) was called outside <AuthS3Provider>/);
  });

  it('offer screens the auth state to read and nothing that sets who is signed in', () => {
    const seen: object[] = [];
    renderWithAuth(<ReadsAuth into={seen} />);
    expect(Object.keys(seen[0] ?? {}).sort()).toEqual([
      'auth',
      'inboxUrl',
      'notice',
      'setNotice',
      'status',
      'user',
    ]);
  });
});

describe('App', () => {
  it('shows Sign in to a signed-out visitor of a folder', () => {
    window.location.hash = '#/files/photos/';
    renderWithAuth(<App />);
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });

  it('preloads the files view and the S3 code while the password is typed', async () => {
    window.location.hash = '#/sign-in';
    const { user, client } = renderWithAuth(<App />);
    expect(client.calls).toEqual([]);
    await user.type(screen.getByLabelText('Password'), 'C');
    expect(client.calls).toEqual(['preload']);
  });

  it('takes an unconfirmed user from sign-in through Confirm straight into the files view', async () => {
    window.location.hash = '#/sign-in';
    const client = createFakeAuthS3({
      users: { 'bo@example.com': { password: 'Correct-Horse-9', confirmed: false } },
    });
    const { user } = renderWithAuth(<App />, client);
    await user.type(screen.getByLabelText('Email'), 'bo@example.com');
    await user.type(screen.getByLabelText('Password'), 'Correct-Horse-9{Enter}');
    await user.type(await screen.findByLabelText('Confirmation code'), '123456{Enter}');
    expect(await screen.findByRole('heading', { name: 'My files' })).toBeTruthy();
    expect(client.auth.currentUser()?.email).toBe('bo@example.com');
  });

  it('sends a signed-in user from an auth screen to the files view', async () => {
    window.location.hash = '#/sign-up';
    renderWithAuth(<App />, await signedInClient());
    expect(await screen.findByRole('heading', { name: 'My files' })).toBeTruthy();
    expect(window.location.hash).toBe('#/my/');
    expect(screen.getByText('ada@example.com')).toBeTruthy();
  });
});

describe('auth state', () => {
  it('follows a sign-in made outside any screen into the folder asked for', async () => {
    window.location.hash = '#/files/photos/';
    const client = createFakeAuthS3({ users: { 'ada@example.com': { password: 'Correct-Horse-9' } } });
    renderWithAuth(<App />, client);
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    await act(() => client.auth.signIn('ada@example.com', 'Correct-Horse-9'));
    expect(await screen.findByRole('heading', { name: 'photos' })).toBeTruthy();
  });

  it('follows a sign-out made outside any screen back to sign-in, without a notice', async () => {
    window.location.hash = '#/my/';
    const client = await signedInClient();
    renderWithAuth(<App />, client);
    expect(await screen.findByRole('heading', { name: 'My files' })).toBeTruthy();
    await act(() => client.auth.signOut());
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByText(EXPIRED_NOTICE)).toBeNull();
  });

  it("moves only on the library's events: a sign-in the library does not report leaves sign-in showing", async () => {
    window.location.hash = '#/sign-in';
    const client = createFakeAuthS3({ users: { 'ada@example.com': { password: 'Correct-Horse-9' } } });
    client.auth.onChange = () => () => {};
    const { user } = renderWithAuth(<App />, client);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'Correct-Horse-9{Enter}');
    await waitFor(() => expect(client.calls).toContain('signIn:ada@example.com'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy());
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'My files' })).toBeNull();
  });

  it('returns to sign-in when the library refuses a refresh, then to the same folder after signing in', async () => {
    window.location.hash = '#/files/photos/';
    const client = await signedInClient();
    const { user } = renderWithAuth(<App />, client);
    expect(await screen.findByRole('heading', { name: 'photos' })).toBeTruthy();
    client.revokeSession();
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText(EXPIRED_NOTICE)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'Correct-Horse-9');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'photos' })).toBeTruthy();
    expect(window.location.hash).toBe('#/files/photos/');
    expect(screen.queryByText(EXPIRED_NOTICE)).toBeNull();
  });

  it('returns to sign-in when an upload finds the session refused', async () => {
    window.location.hash = '#/files/';
    const client = await signedInClient();
    const { user } = renderWithAuth(<App />, client);
    expect(await screen.findByText('This folder is empty')).toBeTruthy();
    client.revokeSession();
    await user.upload(screen.getByLabelText('Choose files to upload'), [new File(['x'], 'late.txt')]);
    expect(await screen.findByText(EXPIRED_NOTICE)).toBeTruthy();
    expect(client.objects.size).toBe(0);
  });

  it('checks a stored session at start and shows sign-in with the notice when the library refuses it', async () => {
    window.location.hash = '#/files/';
    const client = await signedInClient();
    client.revokeSession();
    renderWithAuth(<App />, client);
    expect(await screen.findByText(EXPIRED_NOTICE)).toBeTruthy();
  });
});

describe('Files view', () => {
  it('uploads several files, lists names as text, and deletes after confirming', async () => {
    window.location.hash = '#/files/';
    const { user, client } = renderWithAuth(<App />, await signedInClient());
    expect(await screen.findByText('This folder is empty')).toBeTruthy();

    const hostile = '<img src=x onerror=alert(1)>.txt';
    await user.upload(screen.getByLabelText('Choose files to upload'), [
      new File(['hello'], 'hello.txt', { type: 'text/plain' }),
      new File(['boo'], hostile, { type: 'text/plain' }),
    ]);
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getByText(hostile)).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByText('Uploaded')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Delete hello.txt' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this file?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(client.objects.has('public/hello.txt')).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Delete hello.txt' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Deleted hello.txt.')).toBeTruthy();
    expect(client.objects.has('public/hello.txt')).toBe(false);
  });

  it('shows a denied action as a clear message', async () => {
    window.location.hash = '#/files/';
    const client = await signedInClient();
    await client.files.upload(new Blob(['x']), 'locked.txt');
    client.files.remove = async () => {
      throw new AccessDeniedError('Not allowed to delete public/locked.txt.');
    };
    const { user } = renderWithAuth(<App />, client);
    await user.click(await screen.findByRole('button', { name: 'Delete locked.txt' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not delete locked.txt: You do not have permission to do that here. Ask an administrator if you need access.',
    );
  });

  it('signs out from the header', async () => {
    window.location.hash = '#/files/';
    const { user, client } = renderWithAuth(<App />, await signedInClient());
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(client.calls).toContain('signOut:global');
  });
});
