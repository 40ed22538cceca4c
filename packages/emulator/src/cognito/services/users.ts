/*
 * The user pool's users: creation with an SRP verifier (never the password), lookup by
 * username or by the email users sign in with, password checks and changes, and the lockout
 * Cognito applies after repeated wrong passwords (5 free failures, then 1 s doubling to 15 min),
 * also kept for sign-in names that are no user, so a pool hiding users locks both out alike.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { UserPoolModel } from '../../stack-model.js';
import { NotAuthorizedError } from '../errors.js';
import type { StateStore } from '../store/json-file-store.js';
import type { UnknownSignInRecord, UserRecord, UserStatus } from '../store/state.js';
import { ownValue, setOwn } from '../store/state.js';
import { checkPassword, createVerifier } from './srp.js';

const FREE_FAILURES = 5;
const MAX_LOCKOUT_MS = 15 * 60_000;
const FORGET_UNKNOWN_MS = 86_400_000;

/** What the lockout counts: a user, or a sign-in name that is not one. */
type LockoutRecord = Pick<UserRecord, 'failedSignIns' | 'lockedUntil'>;

export interface NewUser {
  /** What the caller typed as Username: an email in pools that sign in with email. */
  login: string;
  attributes: Record<string, string>;
  password: string;
  status: UserStatus;
}

/** Users of the one user pool. */
export class UserService {
  /** The part of the pool id after `_`, which SRP hashes as the "pool name". */
  readonly poolName: string;

  constructor(
    private readonly pool: UserPoolModel,
    private readonly store: StateStore,
    private readonly clock: Clock,
  ) {
    this.poolName = pool.id.split('_')[1] ?? pool.id;
  }

  /** Whether users sign in with their email address (the username is then a generated UUID). */
  get signsInWithEmail(): boolean {
    return this.pool.usernameAttributes.includes('email');
  }

  /** Finds a user by username, or by email where the pool signs in with email; case-insensitive. */
  find(login: string): UserRecord | undefined {
    const users = this.store.state.users;
    const direct = users[login] ?? users[login.toLowerCase()];
    if (direct) return direct;
    if (!this.signsInWithEmail) return undefined;
    const email = login.toLowerCase();
    return Object.values(users).find((user) => user.attributes.email?.toLowerCase() === email);
  }

  /** Adds a user; the caller has checked that the login is free and the password meets the policy. */
  create(input: NewUser): UserRecord {
    const sub = randomUUID();
    const username = this.signsInWithEmail ? sub : input.login.toLowerCase();
    const attributes: Record<string, string> = { ...input.attributes, sub };
    if (this.signsInWithEmail) attributes.email = input.login;
    const now = this.clock.now();
    const user: UserRecord = {
      username,
      sub,
      attributes,
      status: input.status,
      enabled: true,
      ...createVerifier(this.poolName, username, input.password),
      createdAt: now,
      updatedAt: now,
      failedSignIns: 0,
    };
    this.store.state.users[username] = user;
    return user;
  }

  /** Replaces the user's verifier with one for `password`. */
  setPassword(user: UserRecord, password: string): void {
    Object.assign(user, createVerifier(this.poolName, user.username, password));
    user.updatedAt = this.clock.now();
    user.temporaryPasswordExpiresAt = undefined;
  }

  /** Whether `password` is the user's password (no lockout bookkeeping). */
  passwordMatches(user: UserRecord, password: string): boolean {
    return checkPassword(this.poolName, user.username, password, user.salt, user.verifier);
  }

  /** Throws NotAuthorizedException "Password attempts exceeded" while the user (or unknown name) is locked out. */
  assertNotLockedOut(record: LockoutRecord | undefined): void {
    if (record?.lockedUntil !== undefined && this.clock.now() < record.lockedUntil) {
      throw new NotAuthorizedError('Password attempts exceeded');
    }
  }

  /** Counts a wrong password; from the sixth in a row on, the user is locked out for a while. */
  recordFailedSignIn(record: LockoutRecord): void {
    record.failedSignIns += 1;
    if (record.failedSignIns > FREE_FAILURES) {
      const lockout = Math.min(1000 * 2 ** (record.failedSignIns - FREE_FAILURES - 1), MAX_LOCKOUT_MS);
      record.lockedUntil = this.clock.now() + lockout;
    }
  }

  /**
   * The lockout record of a sign-in name that is no user, if it has failed before. A pool that
   * hides users locks such names out exactly as it locks out a user, so that "Password attempts
   * exceeded" does not tell real accounts apart.
   */
  unknownSignIn(login: string): UnknownSignInRecord | undefined {
    return ownValue(this.store.state.unknownSignIns, login.toLowerCase());
  }

  /** Counts a wrong sign-in to a name that is no user; the caller saves. */
  recordUnknownSignIn(login: string): void {
    const now = this.clock.now();
    const all = this.store.state.unknownSignIns;
    for (const [key, old] of Object.entries(all))
      if (old.lastFailureAt + FORGET_UNKNOWN_MS < now) delete all[key];
    const record = this.unknownSignIn(login) ?? { failedSignIns: 0, lastFailureAt: now };
    record.lastFailureAt = now;
    this.recordFailedSignIn(record);
    setOwn(all, login.toLowerCase(), record);
  }

  recordSuccessfulSignIn(user: UserRecord): void {
    user.failedSignIns = 0;
    user.lockedUntil = undefined;
  }

  /** Removes the user and everything tied to them (codes, sign-in sessions). */
  delete(user: UserRecord): void {
    const state = this.store.state;
    delete state.users[user.username];
    for (const [key, code] of Object.entries(state.codes))
      if (code.username === user.username) delete state.codes[key];
    for (const [key, session] of Object.entries(state.sessions)) {
      if (session.username === user.username) delete state.sessions[key];
    }
  }

  list(): UserRecord[] {
    return Object.values(this.store.state.users);
  }

  /** Persists changes made to users. */
  save(): Promise<void> {
    return this.store.save();
  }
}

/** The `[{ Name, Value }]` list Cognito returns for a user's attributes. */
export function attributeList(user: UserRecord): Array<{ Name: string; Value: string }> {
  return Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }));
}
