/*
 * Starts an emulator in-process for an integration test, configured from the synthesized
 * AuthS3Stack template (with per-suite overrides): random port, temporary data dir, quiet, a
 * manual clock, and real SDK v3 clients pointed at it (and S3 clients for issued credentials), with the steps most suites take through
 * them (create a user, sign in with a password or with SRP). `restart()` stops it and starts
 * a new one on the same data dir and port; `close()` stops it and removes the dir.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityClient, type Credentials } from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandOutput,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { ManualClock } from '../src/clock.js';
import { SrpClient } from '../src/cognito/__tests__/srp-client.js';
import { formatSrpTimestamp } from '../src/cognito/user-pools/srp-timestamp.js';
import { type RunningEmulator, startEmulator } from '../src/index.js';
import type { StackModel } from '../src/stack-model.js';
import { type FixtureOverrides, TEMPLATE_FIXTURE, testStackModel } from '../src/testing/index.js';

export { TEMPLATE_FIXTURE };

export interface Harness {
  emulator: RunningEmulator;
  model: StackModel;
  clock: ManualClock;
  dataDir: string;
  idp: CognitoIdentityProviderClient;
  identity: CognitoIdentityClient;
  /** The user pool's login key in identity pool `Logins` (`cognito-idp.<region>.amazonaws.com/<pool id>`). */
  provider: string;
  /** An S3 client for the emulator (path-style), signing with `credentials` as GetCredentialsForIdentity returns them; destroy it after. */
  s3For(credentials: Credentials | undefined): S3Client;
  /** The latest code sent to `to`. */
  codeFor(to: string): string;
  /** Signs up and confirms a user through the SDK. */
  createUser(email: string, password: string): Promise<void>;
  /** InitiateAuth USER_PASSWORD_AUTH with the fixture's app client (the client must allow the flow). */
  passwordSignIn(email: string, password: string): Promise<InitiateAuthCommandOutput>;
  /**
   * InitiateAuth USER_SRP_AUTH and the PASSWORD_VERIFIER answer, timestamped by the emulator's
   * clock; resolves with RespondToAuthChallenge's response or rejects with the step's error.
   */
  srpSignIn(email: string, password: string): Promise<RespondToAuthChallengeCommandOutput>;
  /**
   * Sends a raw JSON 1.1 request to `target` (e.g. `AWSCognitoIdentityProviderService.SignUp`),
   * for bodies the SDK would refuse to serialize; unsigned, as the SDK sends user pool calls.
   */
  rawCall(target: string, body: unknown): Promise<{ status: number; type: string; message: string }>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs `use` against an emulator of its own, started with `overrides` (a pool, client or identity
 * pool other than the suite's), and closes it after, whether `use` resolves or throws.
 */
export async function withHarness<T>(
  overrides: FixtureOverrides,
  use: (harness: Harness) => Promise<T>,
): Promise<T> {
  const harness = await startHarness(overrides);
  try {
    return await use(harness);
  } finally {
    await harness.close();
  }
}

/** Any static credentials: the SDK then signs, which Admin* and ListUsers require (the key is not checked). */
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

export async function startHarness(overrides: FixtureOverrides = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'auth-s3-emulator-'));
  const model = testStackModel(overrides);
  const clock = new ManualClock();
  const start = (port = 0) => startEmulator({ dataDir, model, clock, quiet: true, port });
  const harness: Harness = {
    emulator: await start(),
    model,
    clock,
    dataDir,
    idp: undefined as unknown as CognitoIdentityProviderClient,
    identity: undefined as unknown as CognitoIdentityClient,
    provider: `cognito-idp.${model.region}.amazonaws.com/${model.userPool.id}`,
    s3For(issued) {
      return new S3Client({
        region: model.region,
        endpoint: harness.emulator.endpoint,
        forcePathStyle: true,
        credentials: {
          accessKeyId: issued?.AccessKeyId ?? '',
          secretAccessKey: issued?.SecretKey ?? '',
          sessionToken: issued?.SessionToken ?? '',
        },
      });
    },
    async rawCall(target, body) {
      const response = await fetch(harness.emulator.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as { __type: string; message: string };
      return { status: response.status, type: json.__type, message: json.message };
    },
    codeFor(to) {
      const message = harness.emulator.inbox(to)[0];
      if (!message) throw new Error(`No message to ${to} in the inbox`);
      return message.code;
    },
    async createUser(email, password) {
      const ClientId = model.userPoolClient.id;
      await harness.idp.send(
        new SignUpCommand({
          ClientId,
          Username: email,
          Password: password,
          UserAttributes: [{ Name: 'email', Value: email }],
        }),
      );
      await harness.idp.send(
        new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: harness.codeFor(email) }),
      );
    },
    passwordSignIn(email, password) {
      return harness.idp.send(
        new InitiateAuthCommand({
          ClientId: model.userPoolClient.id,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email, PASSWORD: password },
        }),
      );
    },
    async srpSignIn(email, password) {
      const ClientId = model.userPoolClient.id;
      const srp = new SrpClient(model.userPool.id.split('_')[1] ?? '');
      const started = await harness.idp.send(
        new InitiateAuthCommand({
          ClientId,
          AuthFlow: 'USER_SRP_AUTH',
          AuthParameters: { USERNAME: email, SRP_A: await srp.publicValue() },
        }),
      );
      return harness.idp.send(
        new RespondToAuthChallengeCommand({
          ClientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: await srp.challengeResponses(
            started.ChallengeParameters ?? {},
            password,
            formatSrpTimestamp(clock.now()),
          ),
        }),
      );
    },
    async restart() {
      // Same port: tokens name the endpoint in their issuer.
      const port = Number(new URL(harness.emulator.endpoint).port);
      await harness.emulator.stop();
      harness.emulator = await start(port);
      connect();
    },
    async close() {
      harness.idp.destroy();
      harness.identity.destroy();
      await harness.emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  function connect() {
    const endpoint = harness.emulator.endpoint;
    harness.idp?.destroy();
    harness.identity?.destroy();
    harness.idp = new CognitoIdentityProviderClient({ region: model.region, endpoint, credentials });
    harness.identity = new CognitoIdentityClient({ region: model.region, endpoint, credentials });
  }
  connect();
  return harness;
}
