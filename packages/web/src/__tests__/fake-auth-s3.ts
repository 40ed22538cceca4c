/*
 * An in-memory stand-in for the auth-s3 library, for component tests of the forms: users, codes and
 * sessions kept in maps, failures raised as the library's real error classes, and the library's
 * auth events emitted where the library emits them (a sign-in, a sign-out that ends a session, a
 * refresh Cognito refuses). Both areas (`files`, `myFiles`) sit on one in-memory bucket with
 * versions (`fake-files.ts`); their calls need the session, as the library's do, and take paths
 * relative to the area. The real library and emulator are exercised by the browser journey in
 * `e2e/`.
 */
import type { AreaName, Auth, AuthEvent, AuthS3, CurrentUser, Mfa, MfaMode, SignInResult } from 'auth-s3';
import {
  ChallengeExpiredError,
  CodeMismatchError,
  InvalidParameterError,
  NotAuthorizedError,
  NotSignedInError,
  SessionExpiredError,
  UserExistsError,
  UserNotConfirmedError,
} from 'auth-s3/errors';
import { createFakeBucket, createFakeFiles, type FakeBucket } from './fake-files';

interface FakeUser {
  password: string;
  confirmed: boolean;
  code: string;
  /** The authenticator code sign-in asks for, when the user turned TOTP on. */
  totp?: string;
  /** The secret of the verified authenticator app, and of one being set up. */
  totpSecret?: string;
  pendingSecret?: string;
  /** Created by an administrator: the first sign-in asks for a new password. */
  temporary?: boolean;
}

/** The code the fake's "authenticator app" shows for `secret`: six digits derived from it. */
export function fakeTotpCode(secret: string): string {
  let n = 7;
  for (const c of secret) n = (n * 31 + c.charCodeAt(0)) % 1_000_000;
  return String(n).padStart(6, '0');
}

/** The fake, with its state open for assertions. */
export interface FakeAuthS3 extends AuthS3 {
  users: Map<string, FakeUser>;
  /** Lets 3 minutes pass on `email`'s pending authenticator-code step. */
  expireChallenge(email: string): void;
  calls: string[];
  /** The current objects of both areas, by full key. */
  objects: FakeBucket['objects'];
  bucket: FakeBucket;
  /**
   * Revokes the refresh token (as a sign-out on another device does) and lets the tokens reach
   * expiry: the next call that needs the session ends it with `expired` and `SessionExpiredError`.
   */
  revokeSession(): void;
}

/** Builds a fake; `users` seeds accounts as `{ email: { password, confirmed } }`. */
export function createFakeAuthS3(
  options: {
    users?: Record<string, { password: string; confirmed?: boolean; totp?: string; temporary?: boolean }>;
    endpoint?: string;
    /** The pool's MFA mode; `ON` makes a sign-in without an app set one up (`totpSetupRequired`). */
    mfaMode?: MfaMode;
  } = {},
): FakeAuthS3 {
  const users = new Map<string, FakeUser>();
  for (const [email, u] of Object.entries(options.users ?? {})) {
    users.set(email, {
      password: u.password,
      confirmed: u.confirmed ?? true,
      code: '123456',
      totp: u.totp,
      temporary: u.temporary,
    });
  }
  const listeners = new Set<(event: AuthEvent) => void>();
  const calls: string[] = [];
  let current: CurrentUser | null = null;
  let revoked = false;
  let pendingPassword: { email: string; password: string } | null = null;
  /** Expires the pending authenticator-code step of each user, as 3 minutes passing would. */
  const challenges = new Map<string, () => void>();
  const emit = (event: AuthEvent) => {
    for (const l of listeners) l(event);
  };
  let secrets = 0;
  const newSecret = () => `JBSWY3DPEHPK3PX${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[secrets++ % 26]}GEZDGNBV`;
  /** Like the library: 6 digits after dropping spaces and dashes, else InvalidParameterError. */
  const digitsOf = (code: string) => {
    const digits = code.replace(/[\s-]/g, '');
    if (!/^\d{6}$/.test(digits)) {
      throw new InvalidParameterError('Type the 6 digits the authenticator app shows.');
    }
    return digits;
  };
  const userFor = (email: string): CurrentUser => ({
    sub: `sub-${email}`,
    email,
    emailVerified: true,
    username: email,
    claims: {},
  });
  const signInAs = (email: string) => {
    current = userFor(email);
    revoked = false;
    emit({ type: 'signedIn', user: current });
    return current;
  };
  /** Like the library's refresh: a refused refresh token ends the session with `expired` first. */
  const getSession: Auth['getSession'] = async () => {
    if (current && revoked) {
      current = null;
      emit({ type: 'expired' });
      throw new SessionExpiredError('The session has expired or was signed out elsewhere. Sign in again.');
    }
    return current
      ? { idToken: 'id', accessToken: 'access', refreshToken: 'refresh', expiresAt: Date.now() + 3600_000 }
      : null;
  };
  /** Like the identity pool's ids: one per user, `region:…`. */
  const currentIdentity = () => (current ? `us-east-1:id-${current.email}` : undefined);
  const requireSession = async (operation: string) => {
    if (!(await getSession()))
      throw new NotSignedInError(`${operation} needs a signed-in user. Sign in first.`);
  };

  const signedInUser = async (operation: string): Promise<FakeUser> => {
    await requireSession(operation);
    const user = current ? users.get(current.email) : undefined;
    if (!user) throw new NotSignedInError(`${operation} needs a signed-in user. Sign in first.`);
    return user;
  };

  const auth: Auth = {
    async signUp(email, password) {
      calls.push(`signUp:${email}`);
      if (users.has(email)) throw new UserExistsError('An account with this email already exists.');
      users.set(email, { password, confirmed: false, code: '123456' });
      pendingPassword = { email, password };
      return { userConfirmed: false, codeDeliveredTo: email.replace(/^(.).*@/, '$1***@') };
    },
    async confirmSignUp(email, code) {
      calls.push(`confirmSignUp:${email}:${code}`);
      const user = users.get(email);
      if (!user || user.code !== code) throw new CodeMismatchError('That code is not right.');
      user.confirmed = true;
      const pending = pendingPassword?.email === email;
      pendingPassword = null;
      if (pending) return { signedIn: true, user: signInAs(email) };
      return { signedIn: false };
    },
    async resendCode(email) {
      calls.push(`resendCode:${email}`);
      return { codeDeliveredTo: email };
    },
    async signIn(email, password) {
      calls.push(`signIn:${email}`);
      const user = users.get(email);
      if (!user || user.password !== password) throw new NotAuthorizedError('Incorrect email or password.');
      if (!user.confirmed) {
        // Like the library: the password is kept for the confirmation that follows.
        pendingPassword = { email, password };
        throw new UserNotConfirmedError('This email address is not confirmed yet.');
      }
      pendingPassword = null;
      if (user.temporary) {
        return {
          status: 'newPasswordRequired',
          async completeNewPassword(newPassword) {
            calls.push('completeNewPassword');
            user.password = newPassword;
            user.temporary = false;
            // Like the library, it goes on as the pool asks: signed in, the code, or setting up the app.
            const next = await auth.signIn(email, newPassword);
            if (next.status === 'newPasswordRequired')
              throw new Error('The fake asked for a new password twice');
            return next;
          },
        };
      }
      const totp = user.totp;
      if (totp === undefined && options.mfaMode === 'ON') {
        // Like Cognito's MFA_SETUP: the app is set up on the sign-in step; `expire` ends it.
        let expired = false;
        challenges.set(email, () => {
          expired = true;
        });
        const secret = newSecret();
        const setup: SignInResult = {
          status: 'totpSetupRequired',
          secret,
          uri: `otpauth://totp/auth-s3:${encodeURIComponent(email)}?secret=${secret}&issuer=auth-s3`,
          async verify(code) {
            calls.push(`verifySetup:${code}`);
            const digits = digitsOf(code);
            if (expired) throw new ChallengeExpiredError('This sign-in step has expired. Sign in again.');
            if (digits !== fakeTotpCode(secret)) throw new CodeMismatchError('That code is not right.');
            user.totpSecret = secret;
            user.totp = fakeTotpCode(secret);
            return signInAs(email);
          },
        };
        return setup;
      }
      if (totp !== undefined) {
        // Like Cognito: a wrong code may be retried on the same step; `expire` ends it.
        let expired = false;
        challenges.set(email, () => {
          expired = true;
        });
        return {
          status: 'totpRequired',
          async submitCode(code) {
            calls.push(`submitCode:${code}`);
            if (expired) throw new ChallengeExpiredError('This sign-in step has expired. Sign in again.');
            if (code !== totp) throw new CodeMismatchError('That code is not right.');
            return signInAs(email);
          },
        };
      }
      return { status: 'done', user: signInAs(email) };
    },
    async signOut(opts) {
      calls.push(`signOut:${opts?.global ? 'global' : 'local'}`);
      const wasSignedIn = current !== null;
      current = null;
      if (wasSignedIn) emit({ type: 'signedOut' });
    },
    async forgotPassword(email) {
      calls.push(`forgotPassword:${email}`);
      return { codeDeliveredTo: email };
    },
    async confirmForgotPassword(email, code, newPassword) {
      calls.push(`confirmForgotPassword:${email}:${code}`);
      const user = users.get(email);
      if (!user || code !== user.code) throw new CodeMismatchError('That code is not right.');
      user.password = newPassword;
    },
    async changePassword(oldPassword, newPassword) {
      calls.push('changePassword');
      const user = await signedInUser('changePassword');
      if (user.password !== oldPassword) throw new NotAuthorizedError('Incorrect username or password.');
      user.password = newPassword;
    },
    async deleteUser() {
      calls.push('deleteUser');
      await signedInUser('deleteUser');
      if (current) users.delete(current.email);
      current = null;
      emit({ type: 'signedOut' });
    },
    getSession,
    currentUser: () => current,
    async identityId() {
      await requireSession('identityId');
      return currentIdentity() ?? '';
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const bucket = createFakeBucket();
  const prefixOf = (area: AreaName) => {
    const id = currentIdentity();
    return area === 'shared' ? 'public/' : id && `private/${id}/`;
  };
  const area = (name: AreaName) =>
    createFakeFiles({
      area: name,
      bucket,
      calls,
      prefix: () => prefixOf(name),
      prefixOf,
      async ready(operation) {
        await requireSession(operation);
        return prefixOf(name) ?? '';
      },
    });
  const files = area('shared');
  const myFiles = area('mine');

  /** Like the library's `mfa`: a set-up is verified with its code, then turned on and off. */
  const mfa: Mfa = {
    async setUpTotp() {
      calls.push('setUpTotp');
      const user = await signedInUser('setUpTotp');
      const secret = newSecret();
      user.pendingSecret = secret;
      return {
        secret,
        uri: `otpauth://totp/auth-s3:${encodeURIComponent(current?.email ?? '')}?secret=${secret}`,
      };
    },
    async verifyTotp(code) {
      calls.push(`verifyTotp:${code}`);
      const user = await signedInUser('verifyTotp');
      const digits = digitsOf(code);
      if (!user.pendingSecret)
        throw new InvalidParameterError('Start setting up an authenticator app first.');
      if (digits !== fakeTotpCode(user.pendingSecret)) throw new CodeMismatchError('That code is not right.');
      user.totpSecret = user.pendingSecret;
      user.pendingSecret = undefined;
      // A replaced app: sign-in now asks for the new app's code.
      if (user.totp !== undefined) user.totp = fakeTotpCode(user.totpSecret);
    },
    async enableTotp() {
      calls.push('enableTotp');
      const user = await signedInUser('enableTotp');
      if (!user.totpSecret) throw new InvalidParameterError('Verify an authenticator app first.');
      user.totp = fakeTotpCode(user.totpSecret);
    },
    async disableTotp() {
      calls.push('disableTotp');
      const user = await signedInUser('disableTotp');
      user.totp = undefined;
    },
    async status() {
      const user = await signedInUser('status');
      return { totpEnabled: user.totp !== undefined, totpPreferred: user.totp !== undefined };
    },
  };

  return {
    auth,
    files,
    myFiles,
    area: (name) => (name === 'shared' ? files : myFiles),
    mfa,
    users,
    expireChallenge: (email) => challenges.get(email)?.(),
    calls,
    objects: bucket.objects,
    bucket,
    revokeSession() {
      revoked = true;
    },
    config: {
      region: 'us-east-1',
      userPoolId: 'us-east-1_test',
      userPoolClientId: 'client',
      identityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000',
      bucket: 'bucket',
      passwordPolicy: {
        minimumLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
      },
      mfaMode: options.mfaMode ?? 'OPTIONAL',
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    },
  };
}
