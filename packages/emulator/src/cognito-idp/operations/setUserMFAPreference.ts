/*
 * SetUserMFAPreference: the signed-in user turns their authenticator app (TOTP) on or off and
 * marks it preferred. Turning it on needs a verified app, else InvalidParameterException "User has
 * not verified software token mfa"; SMS and email MFA are not offered by this pool
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html).
 */
import type {
  SetUserMFAPreferenceRequest,
  SetUserMFAPreferenceResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { OperationFactory } from '../../operation.js';
import { AccessToken, MfaPreferences, userPoolInput } from '../input-members.js';
import { applyMfaPreference } from '../mfa.js';
import { struct } from '../request-shape.js';

/** SetUserMFAPreference's request members (API reference, SetUserMFAPreference). */
const input = struct({ AccessToken, ...MfaPreferences }, ['AccessToken']);

export const setUserMFAPreference: OperationFactory<
  SetUserMFAPreferenceRequest,
  SetUserMFAPreferenceResponse,
  'model' | 'tokens' | 'store'
> = userPoolInput(input, (services) => async (request) => {
  const user = services.tokens.authenticate(request.AccessToken);
  applyMfaPreference(services.model, user, request);
  await services.store.save();
  return {};
});
