/*
 * How the user pool operations that send a code (SignUp, ResendConfirmationCode, ForgotPassword)
 * deliver it: issue the code, put it in the emulator's inbox and answer with the masked email, as
 * Cognito's CodeDeliveryDetails do; and the made-up answer a pool that hides users gives for an
 * unknown user.
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
 * returns the delivery details it would have sent so callers cannot tell.
 */
export function deliveryForUnknownUser(model: Services['model'], login: string): CodeDeliveryDetailsType {
  if (!hidesUsers(model)) throw new UserNotFoundError('Username/client id combination not found.');
  return emailDelivery(login.includes('@') ? maskEmail(login) : '***');
}
