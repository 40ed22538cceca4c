/*
 * Component tests of the account page: the email and its verification, changing the password,
 * setting up the authenticator app (bad input: 5 or 7 digits, letters; a wrong code; setting up
 * twice), turning it off (without a code, a wrong code, then both right; not offered where the pool
 * requires it), signing out everywhere, and deleting the account after its private files. After each
 * refusal the account stays usable.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeAuthS3, fakeTotpCode } from '../__tests__/fake-auth-s3';
import { renderWithAuth } from '../__tests__/render';
import { useAuth } from '../auth/useAuth';
import { Account } from './Account';

const EMAIL = 'ada@example.com';
const PASSWORD = 'Correct-Horse-9';

async function signedIn(options: Parameters<typeof createFakeAuthS3>[0] = {}) {
  const client = createFakeAuthS3({ users: { [EMAIL]: { password: PASSWORD } }, ...options });
  await client.auth.signIn(EMAIL, PASSWORD);
  const rendered = renderWithAuth(
    <>
      <Account />
      <Notice />
    </>,
    client,
  );
  await screen.findByText(/^(On|Off):/);
  return rendered;
}

/** The sign-in screen's message, shown beside the page. */
function Notice() {
  return <p data-testid="notice">{useAuth().notice}</p>;
}

const section = (name: string) => within(screen.getByRole('region', { name }));
const secretShown = () => (screen.getByLabelText('Setup key') as HTMLInputElement).value.replaceAll(' ', '');

/** Sets up and turns on the app through the page; returns the secret. */
async function enrol(user: ReturnType<typeof renderWithAuth>['user']) {
  await user.click(screen.getByRole('button', { name: 'Set up authenticator app' }));
  const secret = secretShown();
  await user.type(screen.getByLabelText('Authenticator code'), `${fakeTotpCode(secret)}{Enter}`);
  await screen.findByText(/Two-factor sign-in is on\./);
  return secret;
}

describe('Account', () => {
  it('shows the email and whether it is verified, and links back to the files from the header', async () => {
    await signedIn();
    expect(screen.getByRole('heading', { level: 1, name: 'Account' })).toBeTruthy();
    expect(section('Email').getByText(EMAIL)).toBeTruthy();
    expect(section('Email').getByText('Verified')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Files' }).getAttribute('href')).toBe('#/my/');
    expect(screen.getByRole('link', { name: 'Account' }).getAttribute('href')).toBe('#/account');
  });

  describe('changing the password', () => {
    it('says when the current password is wrong or the new one breaks a rule, then changes it', async () => {
      const { user, client } = await signedIn();
      const form = section('Password');
      await user.type(form.getByLabelText('Current password'), 'Not-it-123');
      await user.type(form.getByLabelText('New password'), 'short');
      await user.click(form.getByRole('button', { name: 'Change password' }));
      expect(form.getByText(/Your password still needs: at least 8 characters/)).toBeTruthy();
      expect(client.calls).not.toContain('changePassword');

      await user.clear(form.getByLabelText('New password'));
      await user.type(form.getByLabelText('New password'), 'N3w-Password!');
      await user.click(form.getByRole('button', { name: 'Change password' }));
      expect(await form.findByText('That is not your current password.')).toBeTruthy();

      await user.clear(form.getByLabelText('Current password'));
      await user.type(form.getByLabelText('Current password'), PASSWORD);
      await user.click(form.getByRole('button', { name: 'Change password' }));
      expect(await form.findByText(/Your password was changed\./)).toBeTruthy();
      expect(client.users.get(EMAIL)?.password).toBe('N3w-Password!');
    });
  });

  describe('the authenticator app', () => {
    it('sets one up with the QR code, the secret as text and a first code, and turns it on', async () => {
      const { user, client } = await signedIn();
      expect(screen.getByText(/^Off:/)).toBeTruthy();
      await user.click(screen.getByRole('button', { name: 'Set up authenticator app' }));
      expect(screen.getByRole('img', { name: 'QR code for your authenticator app' })).toBeTruthy();
      expect((screen.getByLabelText('Setup key') as HTMLInputElement).value).toMatch(
        /^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/,
      );
      await user.type(screen.getByLabelText('Authenticator code'), `${fakeTotpCode(secretShown())}{Enter}`);
      expect(await screen.findByText(/Two-factor sign-in is on\./)).toBeTruthy();
      expect(screen.getByText(/^On:/)).toBeTruthy();
      expect(client.users.get(EMAIL)?.totp).toBe(fakeTotpCode(client.users.get(EMAIL)?.totpSecret ?? ''));
    });

    it('refuses 5 or 7 digits and letters, then a wrong code, each with a clear message, and stays usable', async () => {
      const { user, client } = await signedIn();
      await user.click(screen.getByRole('button', { name: 'Set up authenticator app' }));
      const field = screen.getByLabelText('Authenticator code') as HTMLInputElement;
      for (const bad of ['12345', '1234567', '12a456']) {
        await user.clear(field);
        await user.type(field, `${bad}{Enter}`);
        expect(screen.getByText('The code is the 6 digits your authenticator app shows.')).toBeTruthy();
      }
      expect(client.calls.filter((c) => c.startsWith('verifyTotp'))).toEqual([]);
      const right = fakeTotpCode(secretShown());
      await user.clear(field);
      await user.type(field, `${right === '000000' ? '111111' : '000000'}{Enter}`);
      expect(await screen.findByText('That code is not right.')).toBeTruthy();
      await user.type(field, `${right}{Enter}`);
      expect(await screen.findByText(/Two-factor sign-in is on\./)).toBeTruthy();
    });

    it('starts over with a new key when set up twice: the first key’s code no longer fits', async () => {
      const { user } = await signedIn();
      await user.click(screen.getByRole('button', { name: 'Set up authenticator app' }));
      const first = secretShown();
      await user.click(screen.getByRole('button', { name: 'Start over with a new key' }));
      await waitFor(() => expect(secretShown()).not.toBe(first));
      const second = secretShown();
      await user.type(screen.getByLabelText('Authenticator code'), `${fakeTotpCode(first)}{Enter}`);
      expect(await screen.findByText('That code is not right.')).toBeTruthy();
      await user.type(screen.getByLabelText('Authenticator code'), `${fakeTotpCode(second)}{Enter}`);
      expect(await screen.findByText(/Two-factor sign-in is on\./)).toBeTruthy();
    });

    it('turns off only with the password and a current code; without a code or with a wrong one it says so', async () => {
      const { user, client } = await signedIn();
      const secret = await enrol(user);
      await user.click(screen.getByRole('button', { name: 'Turn off' }));
      const form = within(screen.getByRole('form', { name: 'Turn off two-factor sign-in' }));
      await user.type(form.getByLabelText('Password'), PASSWORD);
      await user.click(form.getByRole('button', { name: 'Turn off' }));
      expect(form.getByText('Enter the code from your authenticator app.')).toBeTruthy();
      expect(client.calls).not.toContain('disableTotp');

      const right = fakeTotpCode(secret);
      await user.type(
        form.getByLabelText('Authenticator code'),
        `${right === '000000' ? '111111' : '000000'}{Enter}`,
      );
      expect(await form.findByText('That code is not right.')).toBeTruthy();
      expect(client.calls).not.toContain('disableTotp');
      expect(client.auth.currentUser()?.email).toBe(EMAIL);

      await user.type(form.getByLabelText('Authenticator code'), `${right}{Enter}`);
      expect(await screen.findByText(/Two-factor sign-in is off\./)).toBeTruthy();
      expect(client.users.get(EMAIL)?.totp).toBeUndefined();
      expect(client.auth.currentUser()?.email).toBe(EMAIL);
    });

    it('offers no turning off where the pool requires the app (MfaMode ON)', async () => {
      const client = createFakeAuthS3({
        mfaMode: 'ON',
        users: { [EMAIL]: { password: PASSWORD, totp: '246810' } },
      });
      const step = await client.auth.signIn(EMAIL, PASSWORD);
      if (step.status !== 'totpRequired') throw new Error(`got ${step.status}`);
      await step.submitCode('246810');
      renderWithAuth(<Account />, client);
      await screen.findByText(/^On:/);
      expect(screen.queryByRole('button', { name: 'Turn off' })).toBeNull();
      expect(screen.getByText(/requires an authenticator app for every account/)).toBeTruthy();
    });
  });

  it('signs out of all devices', async () => {
    const { user, client } = await signedIn();
    await user.click(screen.getByRole('button', { name: 'Sign out of all devices' }));
    expect(client.calls).toContain('signOut:global');
    expect(client.auth.currentUser()).toBeNull();
  });

  describe('deleting the account', () => {
    async function withFiles() {
      const rendered = await signedIn();
      const { client } = rendered;
      await client.myFiles.upload('a', 'notes.txt');
      await client.myFiles.upload('b', 'photos/cat.png');
      await client.myFiles.upload('c', 'photos/2024/dog.png');
      await client.files.upload('shared', 'team.txt');
      return rendered;
    }

    it('needs the email typed, and keeps everything when it is not', async () => {
      const { user, client } = await withFiles();
      const form = section('Delete account');
      await user.type(form.getByLabelText('Type your email to confirm'), 'ada@example.org');
      await user.click(form.getByRole('button', { name: 'Delete my account' }));
      expect(form.getByText(`Type your email, ${EMAIL}, to confirm.`)).toBeTruthy();
      expect(client.calls).not.toContain('deleteUser');
      expect(client.objects.size).toBe(4);
    });

    it('deletes the private files, says how many, then the user; shared files stay', async () => {
      const { user, client } = await withFiles();
      const form = section('Delete account');
      await user.type(form.getByLabelText('Type your email to confirm'), EMAIL);
      await user.click(form.getByRole('button', { name: 'Delete my account' }));
      await waitFor(() => expect(client.auth.currentUser()).toBeNull());
      expect(client.users.has(EMAIL)).toBe(false);
      expect([...client.objects.keys()]).toEqual(['public/team.txt']);
      const removals = client.calls.filter((c) => c.startsWith('mine:removeMany:') || c === 'deleteUser');
      expect(removals).toHaveLength(2);
      expect(removals[0]?.slice('mine:removeMany:'.length).split(',')).toHaveLength(3);
      expect(removals[1]).toBe('deleteUser');
      // What the sign-in screen, where the signed-out app goes, then says.
      expect(screen.getByTestId('notice').textContent).toBe(
        'Your account was deleted, with its 3 private files.',
      );
    });
  });
});
