/*
 * Every user pool operation the emulator speaks, keyed by its AWS name (the part of
 * `X-Amz-Target: AWSCognitoIdentityProviderService.<Name>` after the dot). An operation not in
 * this map is answered with UnsupportedOperation naming it.
 */
import type { AnyOperationFactory } from '../operation.js';
import { adminConfirmSignUp } from './operations/adminConfirmSignUp.js';
import { adminCreateUser } from './operations/adminCreateUser.js';
import { adminDeleteUser } from './operations/adminDeleteUser.js';
import { adminGetUser } from './operations/adminGetUser.js';
import { adminSetUserMFAPreference } from './operations/adminSetUserMFAPreference.js';
import { associateSoftwareToken } from './operations/associateSoftwareToken.js';
import { changePassword } from './operations/changePassword.js';
import { confirmForgotPassword } from './operations/confirmForgotPassword.js';
import { confirmSignUp } from './operations/confirmSignUp.js';
import { deleteUser } from './operations/deleteUser.js';
import { forgotPassword } from './operations/forgotPassword.js';
import { getUser } from './operations/getUser.js';
import { globalSignOut } from './operations/globalSignOut.js';
import { initiateAuth } from './operations/initiateAuth.js';
import { listUsers } from './operations/listUsers.js';
import { resendConfirmationCode } from './operations/resendConfirmationCode.js';
import { respondToAuthChallenge } from './operations/respondToAuthChallenge.js';
import { revokeToken } from './operations/revokeToken.js';
import { setUserMFAPreference } from './operations/setUserMFAPreference.js';
import { signUp } from './operations/signUp.js';
import { verifySoftwareToken } from './operations/verifySoftwareToken.js';

export const cognitoIdpOperations = {
  AdminConfirmSignUp: adminConfirmSignUp,
  AdminCreateUser: adminCreateUser,
  AdminDeleteUser: adminDeleteUser,
  AdminGetUser: adminGetUser,
  AdminSetUserMFAPreference: adminSetUserMFAPreference,
  AssociateSoftwareToken: associateSoftwareToken,
  ChangePassword: changePassword,
  ConfirmForgotPassword: confirmForgotPassword,
  ConfirmSignUp: confirmSignUp,
  DeleteUser: deleteUser,
  ForgotPassword: forgotPassword,
  GetUser: getUser,
  GlobalSignOut: globalSignOut,
  InitiateAuth: initiateAuth,
  ListUsers: listUsers,
  ResendConfirmationCode: resendConfirmationCode,
  RespondToAuthChallenge: respondToAuthChallenge,
  RevokeToken: revokeToken,
  SetUserMFAPreference: setUserMFAPreference,
  SignUp: signUp,
  VerifySoftwareToken: verifySoftwareToken,
} satisfies Record<string, AnyOperationFactory>;

/** The name of a supported user pool operation. */
export type CognitoIdpOperationName = keyof typeof cognitoIdpOperations;
