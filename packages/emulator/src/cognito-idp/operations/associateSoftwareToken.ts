/*
 * AssociateSoftwareToken: starts setting up an authenticator app (TOTP). Authorized by an access
 * token, or by the Session of an MFA_SETUP challenge (then a new Session comes back for
 * VerifySoftwareToken). Each call makes a new secret; it replaces the verified one only once
 * VerifySoftwareToken accepts a code from it, so calling twice is not an error
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html).
 */
import type {
  AssociateSoftwareTokenRequest,
  AssociateSoftwareTokenResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { OperationFactory } from '../../operation.js';
import { newTotpSecret } from '../../services/totp.js';
import { AccessToken, Session, userPoolInput } from '../input-members.js';
import { assertPoolOffersSoftwareToken, sealMfaSession, setupCaller } from '../mfa.js';
import { struct } from '../request-shape.js';

/** AssociateSoftwareToken's request members: neither is required, one of them must be given (API reference). */
const input = struct({ AccessToken, Session });

export const associateSoftwareToken: OperationFactory<
  AssociateSoftwareTokenRequest,
  AssociateSoftwareTokenResponse,
  'model' | 'tokens' | 'sealed' | 'clock' | 'store' | 'users'
> = userPoolInput(input, (services) => async (request) => {
  const { user, session } = setupCaller(services, request, ['mfaSetup']);
  assertPoolOffersSoftwareToken(services.model);
  const secret = newTotpSecret();
  user.softwareToken ??= { enabled: false, preferred: false };
  user.softwareToken.pendingSecret = secret;
  await services.store.save();
  if (!session) return { SecretCode: secret };
  // The set-up finishes within the lifetime of the challenge that asked for it.
  return {
    SecretCode: secret,
    Session: sealMfaSession(services, 'mfaSetup', user, session.clientId, session.expiresAt),
  };
});
