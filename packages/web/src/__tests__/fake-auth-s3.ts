/*
 * An in-memory stand-in for the auth-s3 library, for component tests of the forms: users, codes and
 * sessions kept in maps, failures raised as the library's real error classes, and the library's
 * auth events emitted where the library emits them (a sign-in, a sign-out that ends a session, a
 * refresh Cognito refuses). Both areas (`files`, `myFiles`) sit on one in-memory bucket with
 * versions (`fake-files.ts`); their calls need the session, as the library's do, and take paths
 * relative to the area. The real library and emulator are exercised by the browser journey in
 * `e2e/`.
 */
import type { AreaName, Auth, AuthEvent, AuthS3, CurrentUser, Mfa } from 'auth-s3';
import {
  ChallengeExpiredError,
  CodeMismatchError,
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
    users?: Record<string, { password: string; confirmed?: boolean; totp?: string }>;
    endpoint?: string;
  } = {},
): FakeAuthS3 {
  const users = new Map<string, FakeUser>();
  for (const [email, u] of Object.entries(options.users ?? {})) {
    users.set(email, { password: u.password, confirmed: u.confirmed ?? true, code: '123456', totp: u.totp });
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
      const totp = user.totp;
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
    async changePassword() {},
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

  // No screen uses MFA yet; the real flow is tested against the emulator (auth-s3's totp-journey).
  const noMfa = async (): Promise<never> => {
    throw new Error('The fake auth-s3 has no MFA');
  };
  const mfa: Mfa = {
    setUpTotp: noMfa,
    verifyTotp: noMfa,
    enableTotp: noMfa,
    disableTotp: noMfa,
    status: noMfa,
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
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    },
  };
}
