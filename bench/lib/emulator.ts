/*
 * The emulator as the benchmarks use it: the stack's template (synthesized by the dev tooling's
 * `ensureTemplate` when missing or stale, the rule `pnpm dev` follows),
 * the emulator's CLI started in its own process on a free port with a scratch data dir and outputs
 * file (so its memory can be read and it shares no event loop with the measuring side), users
 * signed up and confirmed through the inbox, and S3 clients signed with identity-pool credentials
 * obtained without auth-s3 (amazon-cognito-identity-js + credential-providers) for baselines.
 */
import { access, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { EMULATOR_BIN, ensureTemplate as ensureFreshTemplate } from '@auth-s3/dev-stack';
import { type OutputsFile, readOutputs, STACK_NAME } from '@auth-s3/outputs';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';
import type { BenchContext } from './entry.ts';
import { NotAvailableError, SetupError } from './errors.ts';
import { type StartedProcess, startProcess } from './processes.ts';

/** The outputs file the emulator writes (the outputs contract's keys), with its `Endpoint`. */
export type EmulatorOutputs = OutputsFile & { readonly Endpoint: string };

/** What credential-providers' `fromCognitoIdentityPool` returns. */
export type CredentialsProvider = ReturnType<typeof fromCognitoIdentityPool>;

/** A running emulator process. */
export interface RunningEmulator {
  process: StartedProcess;
  endpoint: string;
  outputs: EmulatorOutputs;
  /** The outputs file it wrote (`outputs.json` in its directory), for a build that reads it. */
  outputsFile: string;
  /** Wall time from spawn to the ready line, ms. */
  readyMs: number;
  /** The CLI's own "Ready in N ms" (from its first line of code, modules loaded), when it prints one. */
  inProcessMs?: number;
  /** The CLI's "N ms since the process started" (module loading included), when it prints one. */
  sinceProcessStartMs?: number;
}

/** A password every stack password policy we ship accepts. */
export const benchPassword = 'Bench-Passw0rd!';

/**
 * A private copy, in `tmpDir`, of the stack's template made fresh by the dev tooling (synthesized into
 * `cdk.out/` only when missing or stale), so another `pnpm synth` rewriting `cdk.out/` mid-run cannot
 * pull it away.
 */
export async function ensureTemplate(
  repoRoot: string,
  tmpDir: string,
  log: (message: string) => void,
): Promise<string> {
  const copy = join(tmpDir, `${STACK_NAME}.template.json`);
  let fresh: string;
  try {
    fresh = await ensureFreshTemplate({ repoRoot, log });
  } catch (cause) {
    throw new NotAvailableError(`no fresh synthesized template: ${(cause as Error).message.split('\n')[0]}`, {
      cause,
    });
  }
  if (await copyValidTemplate(fresh, copy)) return copy;
  throw new NotAvailableError(`${fresh} is not a readable template (a synth may be rewriting it); run again`);
}

async function copyValidTemplate(from: string, to: string): Promise<boolean> {
  try {
    const text = await readFile(from, 'utf8');
    JSON.parse(text);
    await writeFile(to, text);
    return true;
  } catch {
    // Missing, or caught mid-write by a concurrent synth.
    return false;
  }
}

/**
 * The emulator's launcher (`EMULATOR_BIN` of the dev tooling): what `pnpm emulator` runs (plain
 * `node` on a prebuilt bundle), or `NotAvailableError` when it is missing.
 */
export async function emulatorCli(): Promise<string> {
  try {
    await access(EMULATOR_BIN);
  } catch (cause) {
    throw new NotAvailableError(`the emulator has no launcher at ${EMULATOR_BIN}`, { cause });
  }
  return EMULATOR_BIN;
}

/**
 * Starts `auth-s3-emulator --port 0 --data-dir <dir>/data --template … --outputs-file <dir>/outputs.json`
 * in a fresh Node process and waits until it prints its endpoint. `dir` is a scratch directory of its own.
 */
export async function startEmulatorProcess(options: {
  repoRoot: string;
  dir: string;
  template: string;
}): Promise<RunningEmulator> {
  const cli = await emulatorCli();
  const outputsFile = join(options.dir, 'outputs.json');
  const args = [
    cli,
    '--port',
    '0',
    '--data-dir',
    join(options.dir, 'data'),
    '--template',
    options.template,
    '--outputs-file',
    outputsFile,
  ];
  const started = performance.now();
  const child = startProcess(process.execPath, args, { cwd: options.repoRoot });
  try {
    const match = await child.waitFor(
      /Ready\b(?: in (\d+) ms)?(?: \((\d+) ms since the process started\))?.*?(http:\/\/(?:127\.0\.0\.1|localhost):\d+)/,
      30_000,
    );
    const readyMs = performance.now() - started;
    const outputs = await waitForOutputs(outputsFile);
    const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));
    return {
      process: child,
      endpoint: match[3] ?? outputs.Endpoint,
      outputs,
      outputsFile,
      readyMs,
      inProcessMs: number(match[1]),
      sinceProcessStartMs: number(match[2]),
    };
  } catch (error) {
    await child.stop();
    throw error;
  }
}

/**
 * Runs `use` against an emulator on the stack's template (synthesized when missing) in the entry's
 * scratch directory, and stops the emulator afterwards, whether `use` succeeds or throws.
 */
export async function withEmulator<T>(
  context: Pick<BenchContext, 'repoRoot' | 'tmpDir' | 'log'>,
  use: (emulator: RunningEmulator) => Promise<T>,
): Promise<T> {
  const template = await ensureTemplate(context.repoRoot, context.tmpDir, context.log);
  const emulator = await startEmulatorProcess({ repoRoot: context.repoRoot, dir: context.tmpDir, template });
  try {
    return await use(emulator);
  } finally {
    await emulator.process.stop();
  }
}

async function waitForOutputs(file: string): Promise<EmulatorOutputs> {
  // The file may lag the ready line by a moment; once written, the contract's reader checks it.
  for (let attempt = 0; attempt < 50; attempt++) {
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      // Not written yet.
    }
    if (text !== undefined) {
      readOutputs(text);
      const outputs = (JSON.parse(text) as Record<string, EmulatorOutputs>)[STACK_NAME];
      if (outputs?.Endpoint) return outputs;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new SetupError(`The emulator did not write its outputs to ${file}`);
}

const dummyCredentials = { accessKeyId: 'AKIDBENCHEXAMPLE', secretAccessKey: 'bench-secret-not-used' };

/** Signs up `email` and confirms it with the code from the emulator's inbox. */
export async function createConfirmedUser(emulator: RunningEmulator, email: string): Promise<void> {
  const { outputs, endpoint } = emulator;
  const cognito = new CognitoIdentityProviderClient({
    region: outputs.Region,
    endpoint,
    credentials: dummyCredentials,
  });
  await cognito.send(
    new SignUpCommand({
      ClientId: outputs.UserPoolClientId,
      Username: email,
      Password: benchPassword,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  const response = await fetch(`${endpoint}/_emulator/inbox?to=${encodeURIComponent(email)}`);
  const inbox = (await response.json()) as Array<{ to: string; code: string }>;
  const code = inbox.find((mail) => mail.to === email)?.code;
  if (!code) throw new SetupError(`No confirmation code for ${email} in the emulator's inbox`);
  await cognito.send(
    new ConfirmSignUpCommand({ ClientId: outputs.UserPoolClientId, Username: email, ConfirmationCode: code }),
  );
  cognito.destroy();
}

interface CognitoSession {
  getIdToken(): { getJwtToken(): string };
}

/** Signs in with amazon-cognito-identity-js (SRP) and returns the id token: a sign-in without auth-s3. */
export async function signInWithoutLibrary(emulator: RunningEmulator, email: string): Promise<string> {
  const require = createRequire(import.meta.url);
  const cognitoJs = require('amazon-cognito-identity-js') as {
    CognitoUserPool: new (data: { UserPoolId: string; ClientId: string; endpoint?: string }) => unknown;
    CognitoUser: new (data: {
      Username: string;
      Pool: unknown;
    }) => {
      authenticateUser(
        details: unknown,
        callbacks: { onSuccess(session: CognitoSession): void; onFailure(error: Error): void },
      ): void;
    };
    AuthenticationDetails: new (data: { Username: string; Password: string }) => unknown;
  };
  const pool = new cognitoJs.CognitoUserPool({
    UserPoolId: emulator.outputs.UserPoolId,
    ClientId: emulator.outputs.UserPoolClientId,
    endpoint: emulator.endpoint,
  });
  const user = new cognitoJs.CognitoUser({ Username: email, Pool: pool });
  const details = new cognitoJs.AuthenticationDetails({ Username: email, Password: benchPassword });
  const session = await new Promise<CognitoSession>((resolve, reject) =>
    user.authenticateUser(details, { onSuccess: resolve, onFailure: reject }),
  );
  return session.getIdToken().getJwtToken();
}

/** Identity-pool credentials for an id token, through credential-providers (no auth-s3). */
export function identityPoolCredentials(emulator: RunningEmulator, idToken: string): CredentialsProvider {
  const { outputs, endpoint } = emulator;
  return fromCognitoIdentityPool({
    identityPoolId: outputs.IdentityPoolId,
    logins: { [`cognito-idp.${outputs.Region}.amazonaws.com/${outputs.UserPoolId}`]: idToken },
    clientConfig: { region: outputs.Region, endpoint },
  });
}

/** An S3 client for the emulator (path-style), signing with `credentials`. */
export function emulatorS3(emulator: RunningEmulator, credentials: CredentialsProvider): S3Client {
  return new S3Client({
    region: emulator.outputs.Region,
    endpoint: emulator.endpoint,
    forcePathStyle: true,
    credentials,
  });
}
