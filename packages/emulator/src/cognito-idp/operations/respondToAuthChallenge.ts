/*
 * RespondToAuthChallenge: PASSWORD_VERIFIER checks the SRP proof (PASSWORD_CLAIM_SIGNATURE =
 * HMAC-SHA256(K, poolName | userId | SECRET_BLOCK | TIMESTAMP)) against the sealed challenge,
 * which takes one answer only (right or wrong), with a TIMESTAMP in Cognito's format within
 * 5 minutes of the clock;
 * NEW_PASSWORD_REQUIRED sets the password a user created by an administrator chooses;
 * SOFTWARE_TOKEN_MFA and MFA_SETUP are answered in `mfa-challenges.ts`.
 */
import type {
  RespondToAuthChallengeRequest,
  RespondToAuthChallengeResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterError, NotAuthorizedError, UnsupportedOperationError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { enforcePasswordPolicy } from '../../services/password-policy.js';
import { computeSessionKey, passwordClaimSignature, signaturesMatch } from '../../services/srp.js';
import { setOwn } from '../../store/state.js';
import { ClientContext, ClientId, Session, StringMap, userPoolInput } from '../input-members.js';
import { answerMfaSetup, answerSoftwareTokenMfa } from '../mfa-challenges.js';
import { string, struct } from '../request-shape.js';
import {
  assertMaySignIn,
  assertUnknownMaySignIn,
  completeSignIn,
  incorrectCredentials,
  type NewPasswordSession,
  rejectPassword,
  rejectUnknown,
  spendChallenge,
} from '../sign-in.js';
import { formatSrpTimestamp, parseSrpTimestamp, TIMESTAMP_TOLERANCE_MS } from '../srp-timestamp.js';
import { writableAttributes } from '../user-attributes.js';
import { appClient, requiredParameter } from '../validate.js';
import type { SrpSecretBlock } from './initiateAuth.js';

/** RespondToAuthChallenge's request members (API reference, RespondToAuthChallenge). */
const input = struct(
  {
    ClientId,
    ChallengeName: string({
      enum: [
        'SMS_MFA',
        'EMAIL_OTP',
        'SOFTWARE_TOKEN_MFA',
        'SELECT_MFA_TYPE',
        'MFA_SETUP',
        'PASSWORD_VERIFIER',
        'CUSTOM_CHALLENGE',
        'SELECT_CHALLENGE',
        'DEVICE_SRP_AUTH',
        'DEVICE_PASSWORD_VERIFIER',
        'ADMIN_NO_SRP_AUTH',
        'NEW_PASSWORD_REQUIRED',
        'SMS_OTP',
        'PASSWORD',
        'WEB_AUTHN',
        'PASSWORD_SRP',
      ],
    }),
    Session,
    ChallengeResponses: StringMap,
    ...ClientContext,
  },
  ['ClientId', 'ChallengeName'],
);

export const respondToAuthChallenge: OperationFactory<
  RespondToAuthChallengeRequest,
  RespondToAuthChallengeResponse,
  'model' | 'users' | 'tokens' | 'sealed' | 'clock' | 'store'
> = userPoolInput(input, (services) => async (request) => {
  const { model, users, sealed, clock, store } = services;
  const client = appClient(model, request.ClientId);
  const challenge = request.ChallengeName;
  const responses = request.ChallengeResponses;

  if (challenge === 'PASSWORD_VERIFIER') {
    const secretBlock = requiredParameter(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
    const signature = requiredParameter(responses, 'PASSWORD_CLAIM_SIGNATURE');
    const timestamp = requiredParameter(responses, 'TIMESTAMP');
    const block = sealed.open<SrpSecretBlock>(secretBlock);
    if (block?.kind !== 'srp' || block.clientId !== client.id) throw incorrectCredentials();
    if (clock.now() >= block.expiresAt)
      throw new NotAuthorizedError('Invalid session for the user, session is expired.');
    if (typeof block.nonce !== 'string' || !spendChallenge(services, block.nonce, block.expiresAt)) {
      throw new NotAuthorizedError(
        'Invalid session for the user: this PASSWORD_VERIFIER challenge was already answered. Start a new sign-in (InitiateAuth).',
      );
    }
    const time = parseSrpTimestamp(timestamp);
    if (time === undefined) {
      await store.save();
      throw new InvalidParameterError(
        `TIMESTAMP must be the UTC time in Cognito's format, e.g. "${formatSrpTimestamp(clock.now())}".`,
      );
    }
    if (Math.abs(time - clock.now()) > TIMESTAMP_TOLERANCE_MS) {
      await store.save();
      throw new NotAuthorizedError(
        `TIMESTAMP ${timestamp} is more than 5 minutes from the server's time (${formatSrpTimestamp(clock.now())}); check the clock.`,
      );
    }
    const user = block.username === undefined ? undefined : users.find(block.username);
    if (!user) {
      // A decoy challenge: its answer counts against the name asked for, as a user's would.
      if (typeof block.unknownLogin === 'string') {
        assertUnknownMaySignIn(services, block.unknownLogin);
        return rejectUnknown(services, block.unknownLogin);
      }
      await store.save();
      throw incorrectCredentials();
    }
    assertMaySignIn(services, user);
    const key = computeSessionKey({ A: block.A, B: block.B, b: block.b, verifier: user.verifier });
    const expected = passwordClaimSignature(key, users.poolName, user.username, secretBlock, timestamp);
    if (!signaturesMatch(expected, signature)) return rejectPassword(services, user);
    return completeSignIn(services, user, client.id);
  }

  if (challenge === 'NEW_PASSWORD_REQUIRED') {
    const password = requiredParameter(responses, 'NEW_PASSWORD');
    if (request.Session === undefined) throw new InvalidParameterError('Missing required parameter Session');
    const session = sealed.open<NewPasswordSession>(request.Session);
    if (session?.kind !== 'newPassword' || session.clientId !== client.id) {
      throw new NotAuthorizedError('Invalid session for the user.');
    }
    if (clock.now() >= session.expiresAt)
      throw new NotAuthorizedError('Invalid session for the user, session is expired.');
    const user = users.find(session.username);
    if (user?.status !== 'FORCE_CHANGE_PASSWORD')
      throw new NotAuthorizedError('Invalid session for the user.');
    const attributes = writableAttributes(
      model,
      Object.entries(responses ?? {}).flatMap(([name, Value]) =>
        name.startsWith('userAttributes.') ? [{ Name: name.slice('userAttributes.'.length), Value }] : [],
      ),
      'client',
    );
    enforcePasswordPolicy(password, model.userPool.passwordPolicy);
    users.setPassword(user, password);
    user.status = 'CONFIRMED';
    for (const [name, value] of Object.entries(attributes)) setOwn(user.attributes, name, value);
    return completeSignIn(services, user, client.id);
  }

  if (challenge === 'SOFTWARE_TOKEN_MFA') return answerSoftwareTokenMfa(services, client.id, request);
  if (challenge === 'MFA_SETUP') return answerMfaSetup(services, client.id, request);

  throw new UnsupportedOperationError(`ChallengeName ${challenge}`);
});
