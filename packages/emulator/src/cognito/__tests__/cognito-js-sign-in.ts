/*
 * Signs in with amazon-cognito-identity-js (an SRP client written independently of ours) and
 * hands back its session as a promise instead of callbacks.
 */
import {
  AuthenticationDetails,
  CognitoUser,
  type CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';

/** USER_SRP_AUTH through amazon-cognito-identity-js; rejects with its error (e.g. NotAuthorizedException). */
export function signInWithCognitoJs(
  pool: CognitoUserPool,
  email: string,
  password: string,
): Promise<CognitoUserSession> {
  const user = new CognitoUser({ Username: email, Pool: pool });
  return new Promise((resolve, reject) =>
    user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), {
      onSuccess: resolve,
      onFailure: reject,
    }),
  );
}
