/*
 * The Cognito user pool operations `auth` uses, typed after the service's API reference (only the
 * members auth-s3 sends or reads), each bound to the JSON client as one async function. All are
 * unsigned: a client id, a token or a session proves who is asking.
 */
import type { CallOptions, JsonCall } from './json-client.js';

/** The tokens of a completed sign-in or refresh. `RefreshToken` is absent on a refresh. */
export interface AuthenticationResult {
  IdToken?: string;
  AccessToken?: string;
  RefreshToken?: string;
  /** Seconds the id and access tokens are valid for. */
  ExpiresIn?: number;
  TokenType?: string;
}

export interface InitiateAuthInput {
  ClientId: string;
  AuthFlow: 'USER_SRP_AUTH' | 'REFRESH_TOKEN_AUTH' | 'REFRESH_TOKEN';
  AuthParameters: Record<string, string>;
  ClientMetadata?: Record<string, string>;
}

/** Either tokens, or a challenge to answer with `RespondToAuthChallenge`. */
export interface InitiateAuthOutput {
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: AuthenticationResult;
}

export interface RespondToAuthChallengeInput {
  ClientId: string;
  ChallengeName: string;
  Session?: string;
  ChallengeResponses: Record<string, string>;
}

export type RespondToAuthChallengeOutput = InitiateAuthOutput;

export interface SignUpInput {
  ClientId: string;
  Username: string;
  Password: string;
  UserAttributes?: Array<{ Name: string; Value: string }>;
}

export interface CodeDeliveryDetails {
  Destination?: string;
  DeliveryMedium?: string;
  AttributeName?: string;
}

export interface SignUpOutput {
  UserConfirmed?: boolean;
  UserSub?: string;
  CodeDeliveryDetails?: CodeDeliveryDetails;
}

export interface ConfirmSignUpInput {
  ClientId: string;
  Username: string;
  ConfirmationCode: string;
}

/** `ResendConfirmationCode` and `ForgotPassword` take the same input and say where the code went. */
export interface UsernameInput {
  ClientId: string;
  Username: string;
}

export interface DeliveryOutput {
  CodeDeliveryDetails?: CodeDeliveryDetails;
}

export interface ConfirmForgotPasswordInput {
  ClientId: string;
  Username: string;
  ConfirmationCode: string;
  Password: string;
}

export interface ChangePasswordInput {
  AccessToken: string;
  PreviousPassword: string;
  ProposedPassword: string;
}

export interface GlobalSignOutInput {
  AccessToken: string;
}

export interface DeleteUserInput {
  AccessToken: string;
}

export interface RevokeTokenInput {
  ClientId: string;
  Token: string;
}

/** AssociateSoftwareToken: an access token, or the Session of an MFA_SETUP challenge. */
export interface AssociateSoftwareTokenInput {
  AccessToken?: string;
  Session?: string;
}

export interface AssociateSoftwareTokenOutput {
  /** The authenticator app's secret, base32. */
  SecretCode?: string;
  /** Present when the request came with a Session: the one VerifySoftwareToken takes. */
  Session?: string;
}

export interface VerifySoftwareTokenInput {
  AccessToken?: string;
  Session?: string;
  UserCode: string;
  FriendlyDeviceName?: string;
}

export interface VerifySoftwareTokenOutput {
  Status?: 'SUCCESS' | 'ERROR';
  /** Present when the request came with a Session: the one that answers MFA_SETUP. */
  Session?: string;
}

/** One factor's settings in SetUserMFAPreference. */
export interface MfaSettings {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

export interface SetUserMfaPreferenceInput {
  AccessToken: string;
  SoftwareTokenMfaSettings?: MfaSettings;
}

export interface GetUserInput {
  AccessToken: string;
}

export interface GetUserOutput {
  Username?: string;
  UserAttributes?: Array<{ Name: string; Value?: string }>;
  /** e.g. `['SOFTWARE_TOKEN_MFA']`; absent when no factor is on. */
  UserMFASettingList?: string[];
  PreferredMfaSetting?: string;
}

/** Operations that answer with an empty object. */
export type EmptyOutput = Record<string, never>;

type Operation<Input, Output> = (input: Input, options?: CallOptions) => Promise<Output>;

export interface UserPoolApi {
  initiateAuth: Operation<InitiateAuthInput, InitiateAuthOutput>;
  respondToAuthChallenge: Operation<RespondToAuthChallengeInput, RespondToAuthChallengeOutput>;
  signUp: Operation<SignUpInput, SignUpOutput>;
  confirmSignUp: Operation<ConfirmSignUpInput, EmptyOutput>;
  resendConfirmationCode: Operation<UsernameInput, DeliveryOutput>;
  forgotPassword: Operation<UsernameInput, DeliveryOutput>;
  confirmForgotPassword: Operation<ConfirmForgotPasswordInput, EmptyOutput>;
  changePassword: Operation<ChangePasswordInput, EmptyOutput>;
  globalSignOut: Operation<GlobalSignOutInput, EmptyOutput>;
  deleteUser: Operation<DeleteUserInput, EmptyOutput>;
  revokeToken: Operation<RevokeTokenInput, EmptyOutput>;
  associateSoftwareToken: Operation<AssociateSoftwareTokenInput, AssociateSoftwareTokenOutput>;
  verifySoftwareToken: Operation<VerifySoftwareTokenInput, VerifySoftwareTokenOutput>;
  setUserMFAPreference: Operation<SetUserMfaPreferenceInput, EmptyOutput>;
  getUser: Operation<GetUserInput, GetUserOutput>;
}

/** Binds each user pool operation to `call` (a client built with `USER_POOLS`). */
export function userPoolApi(call: JsonCall): UserPoolApi {
  const operation =
    <Input extends object, Output>(name: string): Operation<Input, Output> =>
    (input, options) =>
      call<Output>(name, input, options);
  return {
    initiateAuth: operation('InitiateAuth'),
    respondToAuthChallenge: operation('RespondToAuthChallenge'),
    signUp: operation('SignUp'),
    confirmSignUp: operation('ConfirmSignUp'),
    resendConfirmationCode: operation('ResendConfirmationCode'),
    forgotPassword: operation('ForgotPassword'),
    confirmForgotPassword: operation('ConfirmForgotPassword'),
    changePassword: operation('ChangePassword'),
    globalSignOut: operation('GlobalSignOut'),
    deleteUser: operation('DeleteUser'),
    revokeToken: operation('RevokeToken'),
    associateSoftwareToken: operation('AssociateSoftwareToken'),
    verifySoftwareToken: operation('VerifySoftwareToken'),
    setUserMFAPreference: operation('SetUserMFAPreference'),
    getUser: operation('GetUser'),
  };
}
