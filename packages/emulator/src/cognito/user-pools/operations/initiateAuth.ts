/*
 * InitiateAuth: USER_SRP_AUTH answers the PASSWORD_VERIFIER challenge (SRP_B, SALT,
 * SECRET_BLOCK, USER_ID_FOR_SRP; the server's secret b travels sealed in SECRET_BLOCK);
 * USER_PASSWORD_AUTH checks the password directly where the client allows it;
 * REFRESH_TOKEN_AUTH mints new id and access tokens; each flow only where the client's
 * ExplicitAuthFlows allow it. Unknown users get a decoy challenge when the pool hides users
 * (stable SALT and UUID-shaped USER_ID_FOR_SRP, see `decoy-challenge.ts`), so that only the proof
 * fails, with "Incorrect username or password.", and their wrong answers earn the lockout a
 * user's would. ADMIN_NO_SRP_AUTH, AdminInitiateAuth's flow, is an invalid parameter here.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { InitiateAuthRequest, InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { UserPoolClientModel } from '../../../stack-model.js';
import { InvalidParameterError, UnsupportedOperationError, UserNotFoundError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { createServerEphemeral, createVerifier, isValidClientPublic } from '../../services/srp.js';
import { decoyIdentity } from '../decoy-challenge.js';
import { ClientContext, ClientId, Session, StringMap, userPoolInput } from '../input-members.js';
import { string, struct } from '../request-shape.js';
import {
  assertMaySignIn,
  assertUnknownMaySignIn,
  CHALLENGE_VALIDITY_MS,
  completeSignIn,
  rejectPassword,
  rejectUnknown,
} from '../sign-in.js';
import { appClient, hidesUsers, requiredParameter } from '../validate.js';

/** What SECRET_BLOCK holds, sealed. `username` is absent in a decoy challenge for an unknown user. */
export interface SrpSecretBlock {
  kind: 'srp';
  /** Makes the challenge single-use (see `spendChallenge`). */
  nonce: string;
  username?: string;
  /** In a decoy challenge: the name that was asked for, whose wrong answers the lockout counts. */
  unknownLogin?: string;
  clientId: string;
  A: string;
  b: string;
  B: string;
  expiresAt: number;
}

/** Flows Cognito allows when a client lists none. */
const DEFAULT_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH'];

/** InitiateAuth's request members (API reference, InitiateAuth, "Request Parameters"). */
const input = struct(
  {
    AuthFlow: string({
      enum: [
        'USER_SRP_AUTH',
        'REFRESH_TOKEN_AUTH',
        'REFRESH_TOKEN',
        'CUSTOM_AUTH',
        'ADMIN_NO_SRP_AUTH',
        'USER_PASSWORD_AUTH',
        'ADMIN_USER_PASSWORD_AUTH',
        'USER_AUTH',
      ],
    }),
    AuthParameters: StringMap,
    ClientId,
    Session,
    ...ClientContext,
  },
  ['AuthFlow', 'ClientId'],
);

function assertFlowAllowed(client: UserPoolClientModel, flow: string): void {
  const allowed = client.explicitAuthFlows.length > 0 ? client.explicitAuthFlows : DEFAULT_FLOWS;
  if (!allowed.includes(`ALLOW_${flow}`) && !allowed.includes(flow)) {
    throw new InvalidParameterError(`${flow} flow not enabled for this client`);
  }
}

export const initiateAuth: OperationFactory<
  InitiateAuthRequest,
  InitiateAuthResponse,
  'model' | 'users' | 'tokens' | 'sealed' | 'clock' | 'store' | 'keys'
> = userPoolInput(input, (services) => async (request) => {
  const { model, users, tokens, sealed, clock, keys } = services;
  const client = appClient(model, request.ClientId);
  const flow = request.AuthFlow;
  const params = request.AuthParameters;

  // The API reference (InitiateAuth, AuthFlow): ADMIN_NO_SRP_AUTH and ADMIN_USER_PASSWORD_AUTH
  // belong to AdminInitiateAuth, "not a valid value" here.
  if (flow === 'ADMIN_NO_SRP_AUTH' || flow === 'ADMIN_USER_PASSWORD_AUTH')
    throw new InvalidParameterError(
      `Initiate Auth method not supported: ${flow} is only valid in AdminInitiateAuth.`,
    );

  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    assertFlowAllowed(client, 'REFRESH_TOKEN_AUTH');
    const result = tokens.refresh(requiredParameter(params, 'REFRESH_TOKEN'), client.id);
    return { ChallengeParameters: {}, AuthenticationResult: result };
  }

  if (flow === 'USER_SRP_AUTH') {
    assertFlowAllowed(client, flow);
    const login = requiredParameter(params, 'USERNAME');
    const A = requiredParameter(params, 'SRP_A');
    if (!isValidClientPublic(A))
      throw new InvalidParameterError('Invalid SRP_A value: A mod N must not be 0.');
    const user = users.find(login);
    if (!user && !hidesUsers(model)) throw new UserNotFoundError('User does not exist.');
    if (user) assertMaySignIn(services, user);
    else assertUnknownMaySignIn(services, login);
    // A decoy for an unknown user looks like a real challenge: a stable salt and user id, and B
    // from a throwaway verifier (B is fresh for every challenge, for real users too).
    const decoy = user
      ? undefined
      : decoyIdentity(keys.sealingKey, model.userPool.id, login, users.signsInWithEmail);
    const salt = user?.salt ?? decoy?.salt ?? '';
    const verifier =
      user?.verifier ?? createVerifier(users.poolName, login, randomBytes(16).toString('hex')).verifier;
    const { b, B } = createServerEphemeral(verifier);
    const block: SrpSecretBlock = {
      kind: 'srp',
      nonce: randomUUID(),
      username: user?.username,
      ...(user ? {} : { unknownLogin: login }),
      clientId: client.id,
      A,
      b,
      B,
      expiresAt: clock.now() + CHALLENGE_VALIDITY_MS,
    };
    const userId = user?.username ?? decoy?.userId ?? login;
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: {
        SALT: salt,
        SECRET_BLOCK: sealed.seal(block),
        SRP_B: B,
        USERNAME: userId,
        USER_ID_FOR_SRP: userId,
      },
    };
  }

  if (flow === 'USER_PASSWORD_AUTH') {
    assertFlowAllowed(client, flow);
    const login = requiredParameter(params, 'USERNAME');
    const password = requiredParameter(params, 'PASSWORD');
    const user = users.find(login);
    if (!user) {
      if (!hidesUsers(model)) throw new UserNotFoundError('User does not exist.');
      assertUnknownMaySignIn(services, login);
      return rejectUnknown(services, login);
    }
    assertMaySignIn(services, user);
    if (!users.passwordMatches(user, password)) return rejectPassword(services, user);
    return completeSignIn(services, user, client.id);
  }

  throw new UnsupportedOperationError(`AuthFlow ${flow}`);
});
