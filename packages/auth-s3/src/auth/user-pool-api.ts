/*
 * The user pool operations `auth` uses, as plain async functions over the SDK's Cognito client.
 * `auth.ts` imports this module dynamically, so the SDK (about 45 KiB brotli) is not part of the
 * sign-in screen's first load; `auth.preload()` fetches it while the user fills in the form.
 */
import {
  ChangePasswordCommand,
  type ChangePasswordCommandInput,
  ConfirmForgotPasswordCommand,
  type ConfirmForgotPasswordCommandInput,
  ConfirmSignUpCommand,
  type ConfirmSignUpCommandInput,
  ForgotPasswordCommand,
  type ForgotPasswordCommandInput,
  GlobalSignOutCommand,
  type GlobalSignOutCommandInput,
  InitiateAuthCommand,
  type InitiateAuthCommandInput,
  type InitiateAuthCommandOutput,
  ResendConfirmationCodeCommand,
  type ResendConfirmationCodeCommandInput,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandInput,
  type RespondToAuthChallengeCommandOutput,
  RevokeTokenCommand,
  type RevokeTokenCommandInput,
  SignUpCommand,
  type SignUpCommandInput,
  type SignUpCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { createUserPoolClient } from '../clients.js';
import type { AuthS3Config, Logger } from '../types.js';

interface Delivery {
  CodeDeliveryDetails?: { Destination?: string };
}

export interface UserPoolApi {
  initiateAuth(input: InitiateAuthCommandInput): Promise<InitiateAuthCommandOutput>;
  respondToAuthChallenge(
    input: RespondToAuthChallengeCommandInput,
  ): Promise<RespondToAuthChallengeCommandOutput>;
  signUp(input: SignUpCommandInput): Promise<SignUpCommandOutput>;
  confirmSignUp(input: ConfirmSignUpCommandInput): Promise<unknown>;
  resendConfirmationCode(input: ResendConfirmationCodeCommandInput): Promise<Delivery>;
  forgotPassword(input: ForgotPasswordCommandInput): Promise<Delivery>;
  confirmForgotPassword(input: ConfirmForgotPasswordCommandInput): Promise<unknown>;
  changePassword(input: ChangePasswordCommandInput): Promise<unknown>;
  globalSignOut(input: GlobalSignOutCommandInput): Promise<unknown>;
  revokeToken(input: RevokeTokenCommandInput): Promise<unknown>;
}

/** Builds the client (in `clients.ts`) and binds each operation to it. */
export async function createUserPoolApi(config: AuthS3Config, logger: Logger): Promise<UserPoolApi> {
  const client = await createUserPoolClient(config, logger);
  return {
    initiateAuth: (input) => client.send(new InitiateAuthCommand(input)),
    respondToAuthChallenge: (input) => client.send(new RespondToAuthChallengeCommand(input)),
    signUp: (input) => client.send(new SignUpCommand(input)),
    confirmSignUp: (input) => client.send(new ConfirmSignUpCommand(input)),
    resendConfirmationCode: (input) => client.send(new ResendConfirmationCodeCommand(input)),
    forgotPassword: (input) => client.send(new ForgotPasswordCommand(input)),
    confirmForgotPassword: (input) => client.send(new ConfirmForgotPasswordCommand(input)),
    changePassword: (input) => client.send(new ChangePasswordCommand(input)),
    globalSignOut: (input) => client.send(new GlobalSignOutCommand(input)),
    revokeToken: (input) => client.send(new RevokeTokenCommand(input)),
  };
}
