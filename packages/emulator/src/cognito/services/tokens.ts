/*
 * The user pool's tokens. A sign-in opens a session: an opaque refresh token (stored only as a
 * hash) plus RS256 id and access tokens carrying its `origin_jti`. Refreshing mints new id and
 * access tokens for the same session; RevokeToken and GlobalSignOut close sessions, after which
 * their refresh token and every access token minted from them are refused.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { UserPoolClientModel, UserPoolModel } from '../../stack-model.js';
import { NotAuthorizedError, UserNotFoundError } from '../errors.js';
import type { StateStore } from '../store/json-file-store.js';
import type { SignInSession, UserRecord } from '../store/state.js';
import { type JwtPayload, signJwt, verifyJwt } from './jwt.js';
import type { EmulatorKeys } from './keys.js';

/** The `AuthenticationResult` of InitiateAuth and RespondToAuthChallenge. */
export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const seconds = (ms: number) => Math.floor(ms / 1000);

/** Issues, refreshes, checks and revokes the user pool's tokens. */
export class TokenService {
  constructor(
    private readonly pool: UserPoolModel,
    private readonly client: UserPoolClientModel,
    private readonly keys: EmulatorKeys,
    private readonly store: StateStore,
    private readonly clock: Clock,
    /** `{endpoint}/{userPoolId}`; known once the server listens. */
    private readonly issuer: () => string,
  ) {}

  /** Opens a session for a user who just proved their password; the caller saves the store. */
  signIn(user: UserRecord, clientId: string): AuthenticationResult {
    const now = this.clock.now();
    const refreshToken = randomBytes(96).toString('base64url');
    const session: SignInSession = {
      originJti: randomUUID(),
      username: user.username,
      clientId,
      refreshTokenHash: sha256(refreshToken),
      authTime: now,
      expiresAt: now + this.client.refreshTokenValidity * 1000,
    };
    this.pruneSessions(now);
    this.store.state.sessions[session.originJti] = session;
    return { ...this.mint(user, session), RefreshToken: refreshToken };
  }

  /** New id and access tokens for a refresh token (REFRESH_TOKEN_AUTH). */
  refresh(refreshToken: string, clientId: string): AuthenticationResult {
    const session = this.findSession(refreshToken);
    if (!session || session.clientId !== clientId) throw new NotAuthorizedError('Invalid Refresh Token');
    if (session.revokedAt !== undefined) throw new NotAuthorizedError('Refresh Token has been revoked');
    if (this.clock.now() >= session.expiresAt) throw new NotAuthorizedError('Refresh Token has expired');
    const user = this.store.state.users[session.username];
    if (!user) throw new NotAuthorizedError('Invalid Refresh Token');
    return this.mint(user, session);
  }

  /** The user an access token belongs to, or the error Cognito gives for it. */
  authenticate(accessToken: string): UserRecord {
    const payload = this.verify(accessToken, 'access');
    if (!payload) throw new NotAuthorizedError('Invalid Access Token');
    if (typeof payload.exp !== 'number' || payload.exp <= seconds(this.clock.now())) {
      throw new NotAuthorizedError('Access Token has expired');
    }
    const session = this.store.state.sessions[String(payload.origin_jti)];
    if (!session || session.revokedAt !== undefined)
      throw new NotAuthorizedError('Access Token has been revoked');
    const user = this.store.state.users[String(payload.username)];
    if (!user) throw new UserNotFoundError('User does not exist.');
    return user;
  }

  /** The payload of an id token this pool issued for `audience`, or `undefined`; expiry is the caller's check. */
  verifyIdToken(idToken: string): JwtPayload | undefined {
    return this.verify(idToken, 'id');
  }

  /**
   * Why the sign-in behind an id token no longer stands, or `undefined` while it does: its
   * session was revoked (RevokeToken, GlobalSignOut) or is gone (DeleteUser), or its user was
   * deleted or disabled. The identity pool asks this when its provider has ServerSideTokenCheck.
   */
  revokedReason(payload: JwtPayload): string | undefined {
    const session = this.store.state.sessions[String(payload.origin_jti)];
    if (!session || session.revokedAt !== undefined) return 'Token has been revoked.';
    const user = this.store.state.users[String(payload['cognito:username'])];
    if (!user || user.sub !== payload.sub) return 'User does not exist.';
    if (!user.enabled) return 'User is disabled.';
    return undefined;
  }

  /** Closes the session behind a refresh token; unknown tokens are ignored, as RFC 7009 says. */
  revoke(refreshToken: string, clientId: string): 'revoked' | 'unknown' | 'other-client' {
    const session = this.findSession(refreshToken);
    if (!session) return 'unknown';
    if (session.clientId !== clientId) return 'other-client';
    session.revokedAt ??= this.clock.now();
    return 'revoked';
  }

  /** Closes every session of a user (GlobalSignOut). */
  signOutEverywhere(user: UserRecord): void {
    const now = this.clock.now();
    for (const session of Object.values(this.store.state.sessions)) {
      if (session.username === user.username) session.revokedAt ??= now;
    }
  }

  private mint(user: UserRecord, session: SignInSession): AuthenticationResult {
    const now = seconds(this.clock.now());
    const common = {
      sub: user.sub,
      iss: this.issuer(),
      origin_jti: session.originJti,
      event_id: randomUUID(),
      auth_time: seconds(session.authTime),
      iat: now,
    };
    const { sub: _sub, email_verified, ...attributes } = user.attributes;
    const idToken = signJwt(
      {
        ...attributes,
        ...common,
        ...(email_verified === undefined ? {} : { email_verified: email_verified === 'true' }),
        'cognito:username': user.username,
        aud: session.clientId,
        token_use: 'id',
        exp: now + this.client.idTokenValidity,
        jti: randomUUID(),
      },
      this.keys.idToken,
    );
    const accessToken = signJwt(
      {
        ...common,
        client_id: session.clientId,
        token_use: 'access',
        scope: 'aws.cognito.signin.user.admin',
        exp: now + this.client.accessTokenValidity,
        jti: randomUUID(),
        username: user.username,
      },
      this.keys.accessToken,
    );
    return {
      AccessToken: accessToken,
      IdToken: idToken,
      ExpiresIn: this.client.accessTokenValidity,
      TokenType: 'Bearer',
    };
  }

  private verify(token: string, use: 'id' | 'access'): JwtPayload | undefined {
    // Each kind has its own key: an id token presented as an access token fails its signature.
    const result = verifyJwt(token, (use === 'id' ? this.keys.idToken : this.keys.accessToken).publicKey);
    if (!('payload' in result)) return undefined;
    const { payload } = result;
    if (payload.token_use !== use || payload.iss !== this.issuer()) return undefined;
    return payload;
  }

  private findSession(refreshToken: string): SignInSession | undefined {
    const hash = sha256(refreshToken);
    return Object.values(this.store.state.sessions).find((s) => s.refreshTokenHash === hash);
  }

  /** Drops sessions that expired a day ago or more, so the state file does not grow forever. */
  private pruneSessions(now: number): void {
    const sessions = this.store.state.sessions;
    for (const [key, session] of Object.entries(sessions)) {
      if (session.expiresAt + 86_400_000 < now) delete sessions[key];
    }
  }

  /** The pool these tokens belong to. */
  get userPoolId(): string {
    return this.pool.id;
  }
}
