/*
 * Confirmation and password-reset codes: six random digits, valid 24 h for sign-up and 1 h for
 * a reset, one live code per user and purpose (a new one replaces the old), kept hashed. Five
 * wrong tries in a row lock the code (LimitExceededException) until a new one is requested.
 * Codes sent nowhere stand in for names that are no user, where the pool hides users.
 */
import { createHash, randomInt } from 'node:crypto';
import type { Clock } from '../../clock.js';
import { CodeMismatchError, ExpiredCodeError, LimitExceededError } from '../errors.js';
import type { StateStore } from '../store/json-file-store.js';
import type { CodeKind } from '../store/state.js';

const VALIDITY_MS: Record<CodeKind, number> = { signUp: 24 * 3600_000, forgotPassword: 3600_000 };
const MAX_FAILED_ATTEMPTS = 5;
/** Unsent codes are filed under this prefix: no username contains NUL. */
const UNSENT = '\0unsent\0';

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/** Issues and checks codes. */
export class CodeService {
  constructor(
    private readonly store: StateStore,
    private readonly clock: Clock,
  ) {}

  /** A new code for `username`, replacing any earlier one of the same kind. */
  issue(username: string, kind: CodeKind): string {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.clock.now();
    this.store.state.codes[`${kind}:${username}`] = {
      username,
      kind,
      codeHash: hash(code),
      expiresAt: now + VALIDITY_MS[kind],
      failedAttempts: 0,
    };
    return code;
  }

  /**
   * Issues a code sent nowhere, for a sign-in name that is no user in a pool that hides users, so
   * that guesses at it fail (and lock) exactly as guesses at a user's code do. Expired ones are
   * dropped here, so names that never sign up do not pile up.
   */
  issueUnsent(login: string, kind: CodeKind): void {
    const codes = this.store.state.codes;
    const now = this.clock.now();
    for (const [key, old] of Object.entries(codes))
      if (old.username.startsWith(UNSENT) && old.expiresAt < now) delete codes[key];
    this.issue(`${UNSENT}${login.toLowerCase()}`, kind);
  }

  /** Checks a guess at an unsent code: always fails, as a wrong code does (a right guess included). */
  async redeemUnsent(login: string, kind: CodeKind, code: string): Promise<never> {
    await this.redeem(`${UNSENT}${login.toLowerCase()}`, kind, code);
    throw new CodeMismatchError();
  }

  /**
   * Consumes the code if it is right; otherwise throws CodeMismatchException (wrong or none
   * issued), ExpiredCodeException, or LimitExceededException after five wrong tries.
   */
  async redeem(username: string, kind: CodeKind, code: string): Promise<void> {
    const key = `${kind}:${username}`;
    const pending = this.store.state.codes[key];
    if (!pending) throw new CodeMismatchError();
    if (pending.failedAttempts >= MAX_FAILED_ATTEMPTS) throw new LimitExceededError();
    if (pending.codeHash !== hash(code)) {
      pending.failedAttempts += 1;
      await this.store.save();
      throw new CodeMismatchError();
    }
    if (this.clock.now() >= pending.expiresAt) throw new ExpiredCodeError();
    delete this.store.state.codes[key];
  }
}
