/*
 * RespondToAuthChallenge's answers to the MFA challenges, kept apart from the password ones:
 * SOFTWARE_TOKEN_MFA takes the code of the user's authenticator app (a wrong code may be retried
 * on the same Session while it lives; a right one spends the Session and the code), MFA_SETUP
 * takes the Session VerifySoftwareToken returned. Both end in tokens
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html).
 */
import type {
  RespondToAuthChallengeRequest,
  RespondToAuthChallengeResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterError, NotAuthorizedError } from '../errors.js';
import type { Services } from '../services/index.js';
import { acceptCode, openMfaSession, wrongMfaCode } from './mfa.js';
import { assertMaySignIn, spendChallenge } from './sign-in.js';
import { requiredParameter } from './validate.js';

type ChallengeServices = Pick<Services, 'model' | 'users' | 'tokens' | 'sealed' | 'clock' | 'store'>;

/** The challenge's Session, which the MFA answers cannot do without. */
function challengeSession(request: RespondToAuthChallengeRequest): string {
  if (request.Session === undefined) throw new InvalidParameterError('Missing required parameter Session');
  return request.Session;
}

/** Answers SOFTWARE_TOKEN_MFA with `SOFTWARE_TOKEN_MFA_CODE`. */
export async function answerSoftwareTokenMfa(
  services: ChallengeServices,
  clientId: string,
  request: RespondToAuthChallengeRequest,
): Promise<RespondToAuthChallengeResponse> {
  requiredParameter(request.ChallengeResponses, 'USERNAME');
  const code = requiredParameter(request.ChallengeResponses, 'SOFTWARE_TOKEN_MFA_CODE');
  const { session, user } = openMfaSession(
    services,
    challengeSession(request),
    ['softwareTokenMfa'],
    clientId,
  );
  assertMaySignIn(services, user);
  const token = user.softwareToken;
  if (token?.secret === undefined) throw new NotAuthorizedError('Invalid session for the user.');
  try {
    acceptCode(services, token, token.secret, code, wrongMfaCode, token.lastUsedStep);
  } catch (error) {
    await services.store.save();
    throw error;
  }
  spendChallenge(services, session.nonce, session.expiresAt);
  const result = services.tokens.signIn(user, clientId);
  await services.store.save();
  return { ChallengeParameters: {}, AuthenticationResult: result };
}

/** Answers MFA_SETUP with the Session of a successful VerifySoftwareToken. */
export async function answerMfaSetup(
  services: ChallengeServices,
  clientId: string,
  request: RespondToAuthChallengeRequest,
): Promise<RespondToAuthChallengeResponse> {
  requiredParameter(request.ChallengeResponses, 'USERNAME');
  const { session, user } = openMfaSession(
    services,
    challengeSession(request),
    ['mfaSetupVerified'],
    clientId,
  );
  assertMaySignIn(services, user);
  spendChallenge(services, session.nonce, session.expiresAt);
  const result = services.tokens.signIn(user, clientId);
  await services.store.save();
  return { ChallengeParameters: {}, AuthenticationResult: result };
}
