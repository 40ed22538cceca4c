/*
 * VerifySoftwareToken: finishes setting up an authenticator app with a first code from it. The
 * app's secret replaces any verified one, and the code is spent. Authorized by an access token or
 * by the Session from AssociateSoftwareToken; with a session, the answer carries the Session that
 * answers MFA_SETUP, and TOTP is on and preferred (the pool requires it). With an access token the
 * factor stays off until SetUserMFAPreference turns it on. Errors as the API reference lists them
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html):
 * EnableSoftwareTokenMFAException for a wrong code, SoftwareTokenMFANotFoundException when nothing
 * is being set up, InvalidParameterException for a UserCode that is not 6 digits (its input shape).
 */
import type {
  VerifySoftwareTokenRequest,
  VerifySoftwareTokenResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { EnableSoftwareTokenMfaError, SoftwareTokenMfaNotFoundError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { AccessToken, Session, userPoolInput } from '../input-members.js';
import { acceptCode, assertPoolOffersSoftwareToken, sealMfaSession, setupCaller } from '../mfa.js';
import { string, struct } from '../request-shape.js';

/**
 * VerifySoftwareToken's request members (API reference, VerifySoftwareToken; SoftwareTokenMFAUserCodeType:
 * 6 characters, pattern `[0-9]+`, never echoed; FriendlyDeviceName: any string).
 */
const input = struct(
  {
    AccessToken,
    Session,
    UserCode: string({ min: 6, max: 6, pattern: '[0-9]+', sensitive: true }),
    FriendlyDeviceName: string(),
  },
  ['UserCode'],
);

export const verifySoftwareToken: OperationFactory<
  VerifySoftwareTokenRequest,
  VerifySoftwareTokenResponse,
  'model' | 'tokens' | 'sealed' | 'clock' | 'store' | 'users'
> = userPoolInput(input, (services) => async (request) => {
  const code = request.UserCode;
  const { user, session } = setupCaller(services, request, ['mfaSetup']);
  assertPoolOffersSoftwareToken(services.model);
  const token = user.softwareToken;
  if (token?.pendingSecret === undefined) {
    throw new SoftwareTokenMfaNotFoundError(
      'No authenticator app is being set up for this user; call AssociateSoftwareToken first.',
    );
  }
  // A new secret has spent no code yet, whatever the old one spent.
  acceptCode(services, token, token.pendingSecret, code, () => new EnableSoftwareTokenMfaError(), undefined);
  token.secret = token.pendingSecret;
  token.pendingSecret = undefined;
  token.deviceName = request.FriendlyDeviceName || undefined;
  if (!session) {
    await services.store.save();
    return { Status: 'SUCCESS' };
  }
  token.enabled = true;
  token.preferred = true;
  await services.store.save();
  return {
    Status: 'SUCCESS',
    Session: sealMfaSession(services, 'mfaSetupVerified', user, session.clientId, session.expiresAt),
  };
});
