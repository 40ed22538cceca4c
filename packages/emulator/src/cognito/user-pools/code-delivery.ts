/*
 * How the user pool operations that send a code (SignUp, ResendConfirmationCode, ForgotPassword)
 * deliver it: issue the code, put it in the emulator's inbox and answer with the masked email, as
 * Cognito's CodeDeliveryDetails do; and, for an unknown user in a pool that hides users, the
 * made-up answer and a code sent nowhere whose wrong guesses count as a user's do. The two that
 * only send a code to a named user (ForgotPassword, ResendConfirmationCode) share their whole body,
 * `sendCodeToUser`, and differ only in which users they refuse.
 */
import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import { UserNotFoundError } from '../errors.js';
import type { OperationFactory } from '../operation.js';
import { maskEmail } from '../services/inbox.js';
import type { Services } from '../services/index.js';
import type { CodeKind, InboxMessage, UserRecord } from '../store/state.js';
import { ClientContext, ClientId, SecretHash, Username, userPoolInput } from './input-members.js';
import { struct } from './request-shape.js';
import { appClient, hidesUsers } from './validate.js';

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

/** The request members ForgotPassword and ResendConfirmationCode share (API reference, each operation). */
const sendCodeInput = struct({ ClientId, SecretHash, Username, ...ClientContext }, ['ClientId', 'Username']);

/**
 * The body of an operation that sends a code to the user its `Username` names (ForgotPassword,
 * ResendConfirmationCode): an unknown user is answered by `deliveryForUnknownUser`; a known one
 * goes to `emailFor`, which throws the operation's own refusal or names the address; then a
 * `codeKind` code is delivered there as an `inboxKind` message and the store saved.
 */
export function sendCodeToUser(
  codeKind: CodeKind,
  inboxKind: InboxMessage['kind'],
  emailFor: (user: UserRecord) => string,
): OperationFactory<
  { ClientId?: string; Username?: string },
  { CodeDeliveryDetails: CodeDeliveryDetailsType },
  'model' | 'users' | 'codes' | 'inbox' | 'store'
> {
  return userPoolInput(sendCodeInput, ({ model, users, codes, inbox, store }) => async (request) => {
    appClient(model, request.ClientId);
    const login = request.Username;
    const user = users.find(login);
    if (!user) {
      return { CodeDeliveryDetails: await deliveryForUnknownUser({ model, codes, store }, login, codeKind) };
    }
    const delivery = sendCode({ codes, inbox }, user, emailFor(user), codeKind, inboxKind);
    await store.save();
    return { CodeDeliveryDetails: delivery };
  });
}
