/*
 * An in-memory stand-in for the auth-s3 library, for component tests of the forms: users, codes and
 * sessions kept in maps, failures raised as the library's real error classes, and the library's
 * auth events emitted where the library emits them (a sign-in, a sign-out that ends a session, a
 * refresh Cognito refuses). `files` calls need the session, as the library's do, and take paths
 * relative to the files area. The real library and emulator are exercised by the browser journey in
 * `e2e/`.
 */
import type { Auth, AuthEvent, AuthS3, CurrentUser, FileItem, Files, Mfa } from 'auth-s3';
import {
  ChallengeExpiredError,
  CodeMismatchError,
  NotAuthorizedError,
  NotFoundError,
  NotSignedInError,
  SessionExpiredError,
  UserExistsError,
  UserNotConfirmedError,
} from 'auth-s3/errors';

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
  objects: Map<string, { data: Blob; lastModified: Date }>;
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
  const requireSession = async (operation: string) => {
    if (!(await getSession()))
      throw new NotSignedInError(`${operation} needs a signed-in user. Sign in first.`);
  };

  const auth: Auth = {
    async identityId() {
      await requireSession('identityId');
      return 'us-east-1:00000000-0000-4000-8000-000000000000';
    },
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
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  const objects = new Map<string, { data: Blob; lastModified: Date }>();
  const prefix = 'public/';
  const item = (key: string): FileItem => {
    const o = objects.get(key);
    if (!o) throw new NotFoundError(`Nothing found for ${key}.`);
    return {
      path: key.slice(prefix.length),
      key,
      name: key.split('/').pop() ?? key,
      size: o.data.size,
      lastModified: o.lastModified,
      etag: '"e"',
    };
  };
  // No screen uses these yet; the real calls are tested against the emulator (auth-s3's areas-journey).
  const notInFake = (name: string) => async (): Promise<never> => {
    throw new Error(`The fake auth-s3 has no files.${name}`);
  };
  const files: Files = {
    area: 'shared',
    removeMany: notInFake('removeMany'),
    copy: notInFake('copy'),
    move: notInFake('move'),
    rename: notInFake('rename'),
    listVersions: notInFake('listVersions'),
    listDeleted: notInFake('listDeleted'),
    restoreVersion: notInFake('restoreVersion'),
    undelete: notInFake('undelete'),
    prefix,
    async list(opts) {
      await requireSession('list');
      const base = `${prefix}${opts?.path ?? ''}`;
      const items: FileItem[] = [];
      const folders = new Map<string, string>();
      for (const key of objects.keys()) {
        if (!key.startsWith(base)) continue;
        const rest = key.slice(base.length);
        const slash = rest.indexOf('/');
        if (slash >= 0) folders.set(rest.slice(0, slash), `${base}${rest.slice(0, slash + 1)}`);
        else items.push(item(key));
      }
      return {
        items,
        folders: [...folders].map(([name, p]) => ({ name, prefix: p, path: p.slice(prefix.length) })),
      };
    },
    async *listAll(opts) {
      yield await files.list(opts);
    },
    async upload(data, path, opts) {
      await requireSession('upload');
      const blob = data instanceof Blob ? data : new Blob([String(data)]);
      opts?.onProgress?.({ loaded: blob.size, total: blob.size });
      objects.set(`${prefix}${path}`, { data: blob, lastModified: new Date() });
      return item(`${prefix}${path}`);
    },
    async download(path) {
      await requireSession('download');
      const stored = objects.get(`${prefix}${path}`);
      if (!stored) throw new NotFoundError(`Nothing found for download ${prefix}${path}.`);
      return stored.data.stream();
    },
    async createFolder(path) {
      await requireSession('createFolder');
      const folder = path.endsWith('/') ? path : `${path}/`;
      objects.set(`${prefix}${folder}`, { data: new Blob([]), lastModified: new Date() });
      return {
        path: folder,
        prefix: `${prefix}${folder}`,
        name: folder.slice(0, -1).split('/').pop() ?? folder,
      };
    },
    async removeFolder(path) {
      await requireSession('removeFolder');
      const folder = `${prefix}${path.endsWith('/') ? path : `${path}/`}`;
      const removed = [...objects.keys()].filter((key) => key.startsWith(folder));
      for (const key of removed) objects.delete(key);
      return { removed: removed.map((key) => key.slice(prefix.length)), failed: [] };
    },
    async getDownloadUrl(path) {
      await requireSession('getDownloadUrl');
      return `https://example.test/${prefix}${path}`;
    },
    async remove(path) {
      await requireSession('remove');
      objects.delete(`${prefix}${path}`);
    },
    async head(path) {
      await requireSession('head');
      return { ...item(`${prefix}${path}`), metadata: {} };
    },
    async preload() {
      calls.push('preload');
    },
  };

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
    // The screens know one area so far; both names reach the shared one in this fake.
    myFiles: files,
    area: () => files,
    mfa,
    users,
    expireChallenge: (email) => challenges.get(email)?.(),
    calls,
    objects,
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
