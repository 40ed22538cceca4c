/*
 * How the user pool operations that send a code (SignUp, ResendConfirmationCode, ForgotPassword)
 * deliver it: issue the code, put it in the emulator's inbox and answer with the masked email, as
 * Cognito's CodeDeliveryDetails do; and, for an unknown user in a pool that hides users, the
 * made-up answer and a code sent nowhere whose wrong guesses count as a user's do.
 */
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { UserNotFoundError } from '../errors.js';
import { maskEmail } from '../services/inbox.js';
import type { Services } from '../services/index.js';
import type { CodeKind, InboxMessage, UserRecord } from '../store/state.js';
import { hidesUsers } from './validate.js';

/** The delivery details Cognito returns for a code sent to `destination` (shown masked). */
export function emailDelivery(destination: string): CodeDeliveryDetailsType {
  return { Destination: destination, DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}

/** Issues a `codeKind` code for `user`, delivers it to `email` as an `inboxKind` message, and describes the delivery. */
export function sendCode(
  { codes, inbox }: Pick<Services, 'codes' | 'inbox'>,
  user: UserRecord,
  email: string,
  codeKind: CodeKind,
  inboxKind: InboxMessage['kind'] = codeKind,
): CodeDeliveryDetailsType {
  const code = codes.issue(user.username, codeKind);
  inbox.deliver({ to: email, code, kind: inboxKind, username: user.username });
  return emailDelivery(maskEmail(email));
}

/**
 * For a `login` that names no user: throws UserNotFoundError, or, when the pool hides users,
 * returns the delivery details it would have sent so callers cannot tell — and issues a code that
 * is sent nowhere, so that wrong guesses at it lock (LimitExceededException) exactly as a user's
 * code does (see `redeemForUnknownUser`).
 */
export async function deliveryForUnknownUser(
  { model, codes, store }: Pick<Services, 'model' | 'codes' | 'store'>,
  login: string,
  kind: CodeKind,
): Promise<CodeDeliveryDetailsType> {
  if (!hidesUsers(model)) throw new UserNotFoundError('Username/client id combination not found.');
  codes.issueUnsent(login, kind);
  await store.save();
  return emailDelivery(login.includes('@') ? maskEmail(login) : '***');
}

/**
 * A code given for a `login` that names no user: UserNotFoundError, or, when the pool hides
 * users, the CodeMismatchException or LimitExceededException a user's wrong code gets.
 */
export async function redeemForUnknownUser(
  { model, codes }: Pick<Services, 'model' | 'codes'>,
  login: string,
  kind: CodeKind,
  code: string,
): Promise<never> {
  if (!hidesUsers(model)) throw new UserNotFoundError('Username/client id combination not found.');
  return codes.redeemUnsent(login, kind, code);
}
