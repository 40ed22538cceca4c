/*
 * Everything the emulator remembers between restarts, as one JSON-serialisable value: users
 * (with SRP verifiers, never passwords), pending codes, sign-in sessions behind refresh tokens,
 * the inbox, identity ids and the temporary credentials handed to them. Services own their
 * slice; the store only loads and saves the whole.
 */
import type { IssuedCredentials } from '../issued-credentials.js';

export type UserStatus = 'UNCONFIRMED' | 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';

export interface UserRecord {
  /** The internal username, also `USER_ID_FOR_SRP`; a UUID (= sub) when users sign in with email. */
  username: string;
  sub: string;
  /** Standard and custom attributes by name, including `sub`, `email` and `email_verified`. */
  attributes: Record<string, string>;
  status: UserStatus;
  enabled: boolean;
  /** SRP-6a salt and verifier (hex); the password itself is never kept. */
  salt: string;
  verifier: string;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
  /** When a temporary password (AdminCreateUser) stops working, epoch ms. */
  temporaryPasswordExpiresAt?: number;
  /** Consecutive wrong passwords, and the lockout they earned (epoch ms). */
  failedSignIns: number;
  lockedUntil?: number;
  /** The authenticator app (TOTP) once AssociateSoftwareToken has run; see {@link SoftwareToken}. */
  softwareToken?: SoftwareToken;
}

/**
 * A user's authenticator app. The secret is kept as is (like the rest of the state file, which
 * sits next to the emulator's own keys): a TOTP check needs the secret itself, not a hash.
 */
export interface SoftwareToken {
  /** Base32 secret of a set-up in progress (AssociateSoftwareToken), until VerifySoftwareToken. */
  pendingSecret?: string;
  /** Base32 secret of the verified app; a new verified set-up replaces it. */
  secret?: string;
  /** VerifySoftwareToken's FriendlyDeviceName. */
  deviceName?: string;
  /** SetUserMFAPreference: the user turned TOTP on, and whether it is their preferred factor. */
  enabled: boolean;
  preferred: boolean;
  /** The last time step a code was accepted for; that code and older ones are spent. */
  lastUsedStep?: number;
}

/** The lockout bookkeeping of a sign-in name that is not a user, kept like a user's so the two look alike. */
export interface UnknownSignInRecord {
  failedSignIns: number;
  lockedUntil?: number;
  /** The last wrong attempt (epoch ms); records idle for a day are dropped. */
  lastFailureAt: number;
}

export type CodeKind = 'signUp' | 'forgotPassword';

export interface PendingCode {
  username: string;
  kind: CodeKind;
  /** Stored hashed: the inbox has the plain code, the state file does not. */
  codeHash: string;
  expiresAt: number;
  failedAttempts: number;
}

/** One sign-in: the refresh token and every access token minted from it share its `origin_jti`. */
export interface SignInSession {
  originJti: string;
  username: string;
  clientId: string;
  /** sha256 of the opaque refresh token. */
  refreshTokenHash: string;
  authTime: number;
  expiresAt: number;
  revokedAt?: number;
}

export interface InboxMessage {
  to: string;
  code: string;
  kind: 'signUp' | 'resendConfirmationCode' | 'forgotPassword' | 'temporaryPassword';
  /** ISO 8601. */
  sentAt: string;
  username: string;
}

export interface IdentityRecord {
  identityId: string;
  /** `cognito-idp.<region>.amazonaws.com/<poolId>:<sub>`, or absent for an unauthenticated identity. */
  login?: string;
  createdAt: number;
}

export interface EmulatorState {
  version: 1;
  users: Record<string, UserRecord>;
  /** Key: `${kind}:${username}`. */
  codes: Record<string, PendingCode>;
  /** Key: origin_jti. */
  sessions: Record<string, SignInSession>;
  /** Newest last; the inbox endpoint reverses it. */
  inbox: InboxMessage[];
  identities: Record<string, IdentityRecord>;
  /** Key: access key id. */
  credentials: Record<string, IssuedCredentials>;
  /** SRP challenges already answered (once each, right or wrong): nonce → when the challenge expires. */
  spentChallenges: Record<string, number>;
  /** Wrong sign-ins to names that are not users (lower-cased), where the pool hides users. */
  unknownSignIns: Record<string, UnknownSignInRecord>;
}

/**
 * A map without a prototype, so keys that come from requests (`__proto__`, `constructor`) are
 * only keys: `users['__proto__']` is undefined rather than `Object.prototype`.
 */
export function dictionary<T>(entries: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** `record[key]` if `record` itself has it — never an inherited `constructor` or `toString`. */
export function ownValue<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets `record[key]` as an own property, even for `__proto__` (which `=` would treat as the prototype). */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A state with nothing in it, for a new data dir. */
export function emptyState(): EmulatorState {
  return normalizeState({});
}

/** Fills in what an older or partial state file lacks and makes every map prototype-free. */
export function normalizeState(loaded: Partial<EmulatorState>): EmulatorState {
  return {
    version: 1,
    users: dictionary(loaded.users),
    codes: dictionary(loaded.codes),
    sessions: dictionary(loaded.sessions),
    inbox: Array.isArray(loaded.inbox) ? loaded.inbox : [],
    identities: dictionary(loaded.identities),
    credentials: dictionary(loaded.credentials),
    spentChallenges: dictionary(loaded.spentChallenges),
    unknownSignIns: dictionary(loaded.unknownSignIns),
  };
}
