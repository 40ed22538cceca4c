/*
 * The `auth` facade's operations: sign-up and confirmation (with sign-in straight after), SRP
 * sign-in with the NEW_PASSWORD_REQUIRED challenge and the MFA challenges (`mfa-challenge.ts`),
 * password reset and change, and sign-out. Each checks its arguments, makes its Cognito calls and
 * maps their errors; starting, refreshing and ending the session (and the events that announce it)
 * belong to `session.ts`.
 */
import {
  checkOptionalBoolean,
  checkOptionalStringRecord,
  checkOptions,
  checkText,
} from '../check-arguments.js';
import type { InitiateAuthOutput, UserPoolApi } from '../cognito/user-pool-operations.js';
import { toAuthS3Error } from '../error-mapping.js';
import {
  NotAuthorizedError,
  ServiceError,
  UnsupportedChallengeError,
  UserNotConfirmedError,
} from '../errors.js';
import {
  computePasswordClaim,
  createSrpEphemeral,
  type PasswordVerifierChallenge,
} from '../srp/srp-client.js';
import type { Auth, SignInResult } from '../types.js';
import { mfaChallengeResult } from './mfa-challenge.js';
import { createSession, type Session, type SessionDeps } from './session.js';
import { DEFAULT_TOTP_ISSUER } from './totp.js';

/** What `createAuth` needs: the session's needs, and the app's name for authenticator apps. */
export interface AuthDeps extends SessionDeps {
  /** Names the app in the `otpauth://` URI of an MFA_SETUP sign-in. @default 'auth-s3' */
  issuer?: string;
  /** The session to act on, when others (the `mfa` facade) share it. @default a new one over these deps */
  session?: Session;
}

/**
 * Builds the `auth` facade over one user pool client, all but `identityId()`, which needs the
 * identity pool and so is added by `createAuthS3` (see `identity-id.ts`).
 */
export function createAuth(deps: AuthDeps): Omit<Auth, 'identityId'> {
  const { config, api, clock } = deps;
  const session = deps.session ?? createSession(deps);
  /**
   * The password from signUp (or from a sign-in refused as unconfirmed), kept in memory only until
   * confirmSignUp signs the user in or another sign-in succeeds.
   */
  let pendingSignIn: { email: string; password: string } | undefined;

  async function call<T>(operation: string, run: (api: UserPoolApi) => Promise<T>): Promise<T> {
    try {
      return await run(api);
    } catch (error) {
      throw toAuthS3Error(error, { operation });
    }
  }

  async function finishSignIn(response: InitiateAuthOutput, email: string): Promise<SignInResult> {
    if (response.AuthenticationResult) {
      const user = await session.start(response.AuthenticationResult);
      return { status: 'done', user };
    }
    if (response.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
      const challengeSession = response.Session;
      const username = response.ChallengeParameters?.USER_ID_FOR_SRP ?? email;
      return {
        status: 'newPasswordRequired',
        completeNewPassword: async (newPassword) => {
          checkText('completeNewPassword', 'the new password', newPassword);
          const next = await call('completeNewPassword', (api) =>
            api.respondToAuthChallenge({
              ClientId: config.userPoolClientId,
              ChallengeName: 'NEW_PASSWORD_REQUIRED',
              Session: challengeSession,
              ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
            }),
          );
          // A pool with MFA asks for the code (or an app) next; Cognito never repeats NEW_PASSWORD_REQUIRED.
          const result = await finishSignIn(next, email);
          if (result.status === 'newPasswordRequired')
            throw new UnsupportedChallengeError(next.ChallengeName ?? 'unknown');
          return result;
        },
      };
    }
    const mfa = await mfaChallengeResult(response, {
      api,
      clientId: config.userPoolClientId,
      issuer: deps.issuer ?? DEFAULT_TOTP_ISSUER,
      email,
      finish: async (next) => {
        const result = await finishSignIn(next, email);
        if (result.status !== 'done') throw new UnsupportedChallengeError(next.ChallengeName ?? 'unknown');
        return result.user;
      },
    });
    if (mfa) return mfa;
    throw new UnsupportedChallengeError(response.ChallengeName ?? 'unknown');
  }

  async function signIn(email: string, password: string): Promise<SignInResult> {
    checkText('signIn', 'the email address', email);
    checkText('signIn', 'the password', password);
    try {
      const result = await srpSignIn(email, password);
      pendingSignIn = undefined;
      return result;
    } catch (error) {
      // Confirming next (with a fresh code) can then sign straight in, as after signUp.
      if (error instanceof UserNotConfirmedError) pendingSignIn = { email, password };
      throw error;
    }
  }

  async function srpSignIn(email: string, password: string): Promise<SignInResult> {
    const ephemeral = createSrpEphemeral();
    const started = await call('signIn', (api) =>
      api.initiateAuth({
        ClientId: config.userPoolClientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: email, SRP_A: ephemeral.srpA },
      }),
    );
    if (started.ChallengeName !== 'PASSWORD_VERIFIER') return finishSignIn(started, email);
    const challenge = started.ChallengeParameters as unknown as PasswordVerifierChallenge | undefined;
    if (!challenge?.SRP_B || !challenge.SALT || !challenge.SECRET_BLOCK || !challenge.USER_ID_FOR_SRP) {
      throw new ServiceError('Cognito sent an incomplete PASSWORD_VERIFIER challenge. Try again.');
    }
    const claim = await computePasswordClaim({
      userPoolId: config.userPoolId,
      password,
      ephemeral,
      challenge,
      now: new Date(clock.now()),
    });
    const verified = await call('signIn', (api) =>
      api.respondToAuthChallenge({
        ClientId: config.userPoolClientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        Session: started.Session,
        ChallengeResponses: { ...claim },
      }),
    );
    return finishSignIn(verified, email);
  }

  return {
    async signUp(email, password, attributes = {}) {
      checkText('signUp', 'the email address', email);
      checkText('signUp', 'the password', password);
      checkOptionalStringRecord('signUp', 'the user attributes', attributes);
      const response = await call('signUp', (api) =>
        api.signUp({
          ClientId: config.userPoolClientId,
          Username: email,
          Password: password,
          UserAttributes: Object.entries({ email, ...attributes }).map(([Name, Value]) => ({ Name, Value })),
        }),
      );
      pendingSignIn = response.UserConfirmed ? undefined : { email, password };
      return {
        userConfirmed: response.UserConfirmed ?? false,
        codeDeliveredTo: response.CodeDeliveryDetails?.Destination,
      };
    },

    async confirmSignUp(email, code, options = {}) {
      checkText('confirmSignUp', 'the email address', email);
      checkText('confirmSignUp', 'the code from the email', code);
      checkOptions('confirmSignUp', options);
      checkOptionalBoolean('confirmSignUp', 'autoSignIn', options.autoSignIn);
      await call('confirmSignUp', (api) =>
        api.confirmSignUp({
          ClientId: config.userPoolClientId,
          Username: email,
          ConfirmationCode: code,
        }),
      );
      const pending = pendingSignIn?.email === email ? pendingSignIn : undefined;
      pendingSignIn = undefined;
      if (options.autoSignIn === false || !pending) return { signedIn: false };
      let result: SignInResult;
      try {
        result = await signIn(email, pending.password);
      } catch (error) {
        // The account is confirmed either way; a kept password the pool refuses means "sign in yourself".
        if (error instanceof NotAuthorizedError) return { signedIn: false };
        throw error;
      }
      return result.status === 'done' ? { signedIn: true, user: result.user } : { signedIn: false };
    },

    async resendCode(email) {
      checkText('resendCode', 'the email address', email);
      const response = await call('resendCode', (api) =>
        api.resendConfirmationCode({ ClientId: config.userPoolClientId, Username: email }),
      );
      return { codeDeliveredTo: response.CodeDeliveryDetails?.Destination };
    },

    signIn,

    async signOut(options = {}) {
      checkOptions('signOut', options);
      checkOptionalBoolean('signOut', 'global', options.global);
      const stored = await session.stored();
      if (!stored) return;
      let failure: unknown;
      try {
        if (options.global) {
          const tokens = await session.requireTokens('signOut');
          await api.globalSignOut({ AccessToken: tokens.accessToken });
        } else {
          await api.revokeToken({ ClientId: config.userPoolClientId, Token: stored.refreshToken });
        }
      } catch (error) {
        failure = error;
      }
      // Local state goes whatever the network said: the user asked to be signed out on this device.
      pendingSignIn = undefined;
      await session.end();
      if (failure !== undefined) throw toAuthS3Error(failure, { operation: 'signOut' });
    },

    async deleteUser() {
      // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteUser.html
      await session.withTokens('deleteUser', (tokens) => api.deleteUser({ AccessToken: tokens.accessToken }));
      // The user is gone, and every token with it: nothing to revoke, only this device to clear.
      pendingSignIn = undefined;
      await session.end();
    },

    async forgotPassword(email) {
      checkText('forgotPassword', 'the email address', email);
      const response = await call('forgotPassword', (api) =>
        api.forgotPassword({ ClientId: config.userPoolClientId, Username: email }),
      );
      return { codeDeliveredTo: response.CodeDeliveryDetails?.Destination };
    },

    async confirmForgotPassword(email, code, newPassword) {
      checkText('confirmForgotPassword', 'the email address', email);
      checkText('confirmForgotPassword', 'the code from the email', code);
      checkText('confirmForgotPassword', 'the new password', newPassword);
      await call('confirmForgotPassword', (api) =>
        api.confirmForgotPassword({
          ClientId: config.userPoolClientId,
          Username: email,
          ConfirmationCode: code,
          Password: newPassword,
        }),
      );
    },

    async changePassword(oldPassword, newPassword) {
      checkText('changePassword', 'the current password', oldPassword);
      checkText('changePassword', 'the new password', newPassword);
      // Signed out on another device, the access token is revoked (and the refresh token with it).
      await session.withTokens('changePassword', (tokens) =>
        api.changePassword({
          AccessToken: tokens.accessToken,
          PreviousPassword: oldPassword,
          ProposedPassword: newPassword,
        }),
      );
    },

    getSession: session.getSession,
    currentUser: session.currentUser,
    onChange: session.onChange,
  };
}
