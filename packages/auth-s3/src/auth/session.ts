/*
 * The session lifecycle behind `auth`: the signed-in user's tokens, loaded from and persisted to the
 * TokenStorage (through `SessionStore`), refreshed single-flight before they expire, ended when
 * Cognito no longer accepts them, and every transition announced to `onChange` listeners. The
 * operations in `auth.ts` start and end sessions only through this module, so each event is emitted
 * in one place and a session Cognito refused always ends with `expired`.
 */
import type { AuthenticationResult, UserPoolApi } from '../cognito/user-pool-operations.js';
import { toAuthS3Error } from '../error-mapping.js';
import {
  NotAuthorizedError,
  NotSignedInError,
  ServiceError,
  SessionExpiredError,
  UnsupportedChallengeError,
} from '../errors.js';
import type { AuthEvent, AuthS3Config, Clock, CurrentUser, Logger, Tokens } from '../types.js';
import { userFromIdToken } from './id-token.js';
import type { SessionStore, StoredSession } from './session-store.js';

/** Refresh this long before expiry (or at half the token lifetime, if that is sooner). */
const REFRESH_MARGIN_MS = 5 * 60_000;

/** What the session needs: the pool client, storage, time and a logger for its events. */
export interface SessionDeps {
  config: AuthS3Config;
  /** The user pool operations (`createUserPoolApi` in `clients.ts`, or a fake in tests). */
  api: UserPoolApi;
  store: SessionStore;
  clock: Clock;
  logger: Logger;
}

/** The session as the operations in `auth.ts` use it; the first three are public on `auth`. */
export interface Session {
  /** Valid tokens, refreshed single-flight when near expiry; `null` when signed out. */
  getSession(): Promise<Tokens | null>;
  /** From the stored id token, decoded once per token; `null` when signed out. */
  currentUser(): CurrentUser | null;
  onChange(listener: (event: AuthEvent) => void): () => void;
  /** The stored session as it is, without refreshing (after storage has been read). */
  stored(): Promise<StoredSession | null>;
  /** Stores the tokens of a completed sign-in and emits `signedIn`. */
  start(result: AuthenticationResult): Promise<CurrentUser>;
  /** Valid tokens for `operation`, or `NotSignedInError` saying to sign in first. */
  requireTokens(operation: string): Promise<Tokens>;
  /**
   * Runs `run` with valid tokens, its errors mapped; a `SessionExpiredError` (the tokens were revoked,
   * e.g. by a sign-out on another device) ends the session with `expired` before it is rethrown.
   */
  withTokens<T>(operation: string, run: (tokens: Tokens) => Promise<T>): Promise<T>;
  /** Clears the session on this device and emits `signedOut` if there was one. */
  end(): Promise<void>;
}

/** Builds the session over one user pool client and one storage. */
export function createSession(deps: SessionDeps): Session {
  const { config, api, store, clock, logger } = deps;
  const listeners = new Set<(event: AuthEvent) => void>();
  let refreshing: Promise<Tokens | null> | undefined;
  /** Bumped on every start and end, so a call that finishes late does not act on a newer session. */
  let generation = 0;
  let decoded: { idToken: string; user: CurrentUser } | undefined;

  function emit(event: AuthEvent): void {
    logger.debug('auth event', { type: event.type });
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A broken listener must not break sign-in; report it the way the platform reports uncaught errors.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  async function save(result: AuthenticationResult, previous?: StoredSession): Promise<CurrentUser> {
    const { IdToken, AccessToken, ExpiresIn } = result;
    const refreshToken = result.RefreshToken ?? previous?.refreshToken;
    if (!IdToken || !AccessToken || !refreshToken) {
      throw new ServiceError('Cognito answered without the expected tokens. Try signing in again.');
    }
    const issuedAt = clock.now();
    await store.save({
      idToken: IdToken,
      accessToken: AccessToken,
      refreshToken,
      issuedAt,
      expiresAt: issuedAt + (ExpiresIn ?? 3600) * 1000,
    });
    return userFromIdToken(IdToken);
  }

  /** Ends the local session Cognito no longer accepts, so listeners can return to sign-in. */
  async function expire(): Promise<void> {
    generation++;
    await store.clear();
    emit({ type: 'expired' });
  }

  async function refresh(session: StoredSession): Promise<Tokens | null> {
    const startedIn = generation;
    try {
      const response = await api.initiateAuth({
        ClientId: config.userPoolClientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: session.refreshToken },
      });
      if (generation !== startedIn) return toTokens(store.current);
      if (!response.AuthenticationResult)
        throw new UnsupportedChallengeError(response.ChallengeName ?? 'unknown');
      const user = await save(response.AuthenticationResult, session);
      emit({ type: 'refreshed', user });
      return toTokens(store.current);
    } catch (error) {
      const mapped = toAuthS3Error(error, { operation: 'refreshSession' });
      if (
        (mapped instanceof NotAuthorizedError || mapped instanceof SessionExpiredError) &&
        generation === startedIn
      ) {
        await expire();
        throw new SessionExpiredError('The session has expired or was signed out elsewhere. Sign in again.', {
          cause: mapped,
          code: mapped.code,
        });
      }
      throw mapped;
    }
  }

  async function getSession(): Promise<Tokens | null> {
    await store.ready;
    const session = store.current;
    if (!session) return null;
    const margin = Math.min(REFRESH_MARGIN_MS, (session.expiresAt - session.issuedAt) / 2);
    if (clock.now() < session.expiresAt - margin) return toTokens(session);
    refreshing ??= refresh(session).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  async function requireTokens(operation: string): Promise<Tokens> {
    const tokens = await getSession();
    if (!tokens) throw new NotSignedInError(`${operation} needs a signed-in user. Sign in first.`);
    return tokens;
  }

  return {
    getSession,
    requireTokens,

    currentUser() {
      const session = store.current;
      if (!session) return null;
      // UIs call this on every render: decode each id token once.
      if (decoded?.idToken !== session.idToken)
        decoded = { idToken: session.idToken, user: userFromIdToken(session.idToken) };
      return decoded.user;
    },

    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    async stored() {
      await store.ready;
      return store.current;
    },

    async start(result) {
      generation++;
      const user = await save(result);
      emit({ type: 'signedIn', user });
      return user;
    },

    async withTokens(operation, run) {
      const tokens = await requireTokens(operation);
      const startedIn = generation;
      try {
        return await run(tokens);
      } catch (error) {
        const mapped = toAuthS3Error(error, { operation });
        if (mapped instanceof SessionExpiredError && generation === startedIn) await expire();
        throw mapped;
      }
    },

    async end() {
      generation++;
      const wasSignedIn = store.current !== null;
      await store.clear();
      if (wasSignedIn) emit({ type: 'signedOut' });
    },
  };
}

function toTokens(session: StoredSession | null): Tokens | null {
  if (!session) return null;
  const { idToken, accessToken, refreshToken, expiresAt } = session;
  return { idToken, accessToken, refreshToken, expiresAt };
}
