/*
 * SRP: client CPU per sign-in, auth-s3's SRP (native BigInt + WebCrypto, `packages/auth-s3/src/srp/`)
 * beside amazon-cognito-identity-js's AuthenticationHelper (jsbn), doing the same client math: make
 * a and A, then, given the server's B and salt, derive the key and sign the password claim. Runs
 * are interleaved; each is the process's CPU time (user + system, every thread) for one sign-in.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { BenchEntry } from '../lib/entry.ts';
import { NotAvailableError } from '../lib/errors.ts';
import { cpuMilliseconds, interleave, median } from '../lib/stats.ts';

const ROUNDS = 40;
const WARM_UP = 5;

/** What Cognito's InitiateAuth answers with: the PASSWORD_VERIFIER challenge's parameters. */
interface Challenge {
  SRP_B: string;
  SALT: string;
  SECRET_BLOCK: string;
  USER_ID_FOR_SRP: string;
}

const userPoolId = 'us-east-1_BenchPool1';
const poolName = 'BenchPool1';
const password = 'Bench-Passw0rd!';

type SrpModule = typeof import('../../packages/auth-s3/src/srp/srp-client.ts');

async function loadOurs(): Promise<(challenge: Challenge) => Promise<unknown>> {
  let srp: SrpModule;
  try {
    srp = await import('../../packages/auth-s3/src/srp/srp-client.ts');
  } catch (cause) {
    throw new NotAvailableError('auth-s3 has no SRP client at packages/auth-s3/src/srp/srp-client.ts', {
      cause,
    });
  }
  return async (challenge) => {
    const ephemeral = srp.createSrpEphemeral();
    return srp.computePasswordClaim({ userPoolId, password, ephemeral, challenge, now: new Date() });
  };
}

interface JsbnValue {
  toString(radix: number): string;
  modPow(
    exponent: JsbnValue,
    modulus: JsbnValue,
    callback: (error: unknown, result: JsbnValue) => void,
  ): void;
}
interface AuthenticationHelper {
  N: JsbnValue;
  g: JsbnValue;
  getLargeAValue(callback: (error: unknown, largeA: JsbnValue) => void): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    serverB: JsbnValue,
    salt: JsbnValue,
    callback: (error: unknown, key: Uint8Array) => void,
  ): void;
}

/**
 * amazon-cognito-identity-js's sign-in math, as `CognitoUser.authenticateUserDefaultAuth` runs it,
 * and a source of challenges: made up but valid, B = g^b mod N in its group (RFC 5054's 3072-bit
 * one, as Cognito's and the emulator's), with a random salt.
 */
function loadBaseline(): {
  signIn: (challenge: Challenge) => Promise<unknown>;
  serverChallenge: () => Promise<Challenge>;
} {
  const require = createRequire(import.meta.url);
  const packageRequire = createRequire(require.resolve('amazon-cognito-identity-js'));
  const Helper: new (poolName: string) => AuthenticationHelper =
    packageRequire('./AuthenticationHelper').default;
  const BigInteger: new (hex: string, radix: number) => JsbnValue = packageRequire('./BigInteger').default;
  const DateHelper: new () => { getNowString(): string } = packageRequire('./DateHelper').default;
  // The library's own copies of these, not ours.
  const { Sha256 } = packageRequire('@aws-crypto/sha256-js') as {
    Sha256: new (secret: Uint8Array) => { update(data: Uint8Array): void; digestSync(): Uint8Array };
  };
  const { Buffer: LibBuffer } = packageRequire('buffer') as { Buffer: typeof Buffer };

  const group = new Helper(poolName);
  const serverChallenge = async (): Promise<Challenge> => {
    const b = new BigInteger(randomBytes(32).toString('hex'), 16);
    const B = await new Promise<JsbnValue>((resolve, reject) =>
      group.g.modPow(b, group.N, (error, result) => (error ? reject(error) : resolve(result))),
    );
    return {
      SRP_B: B.toString(16),
      SALT: randomBytes(16).toString('hex'),
      SECRET_BLOCK: randomBytes(64).toString('base64'),
      USER_ID_FOR_SRP: crypto.randomUUID(),
    };
  };

  const signIn = async (challenge: Challenge) => {
    const helper = new Helper(poolName);
    await new Promise<JsbnValue>((resolve, reject) =>
      helper.getLargeAValue((error, largeA) => (error ? reject(error) : resolve(largeA))),
    );
    const serverB = new BigInteger(challenge.SRP_B, 16);
    const salt = new BigInteger(challenge.SALT, 16);
    const key = await new Promise<Uint8Array>((resolve, reject) =>
      helper.getPasswordAuthenticationKey(
        challenge.USER_ID_FOR_SRP,
        password,
        serverB,
        salt,
        (error, hkdf) => (error ? reject(error) : resolve(hkdf)),
      ),
    );
    const dateNow = new DateHelper().getNowString();
    const message = LibBuffer.concat([
      LibBuffer.from(poolName, 'utf8'),
      LibBuffer.from(challenge.USER_ID_FOR_SRP, 'utf8'),
      LibBuffer.from(challenge.SECRET_BLOCK, 'base64'),
      LibBuffer.from(dateNow, 'utf8'),
    ]);
    const hash = new Sha256(key);
    hash.update(message);
    return LibBuffer.from(hash.digestSync()).toString('base64');
  };
  return { signIn, serverChallenge };
}

/** The `srp` entry. */
export const srpCpu: BenchEntry = {
  name: 'srp',
  description: 'client CPU per SRP sign-in, ours beside amazon-cognito-identity-js',
  figures: [
    {
      id: 'cpu-per-sign-in',
      label: 'SRP client CPU per sign-in (median)',
      unit: 'ms',
      baselineLabel: 'amazon-cognito-identity-js',
      budgets: [{ kind: 'ratio-max', value: 0.25 }],
    },
  ],
  async run(context) {
    const { signIn: baseline, serverChallenge } = loadBaseline();
    const ours = await loadOurs();
    context.log(`${WARM_UP} warm-up runs each, then ${ROUNDS} interleaved rounds`);
    for (let i = 0; i < WARM_UP; i++) {
      await ours(await serverChallenge());
      await baseline(await serverChallenge());
    }
    // Round i gives both sides the same challenge.
    const challenges: Challenge[] = [];
    for (let i = 0; i < ROUNDS; i++) challenges.push(await serverChallenge());
    let oursRun = 0;
    let baselineRun = 0;
    const samples = await interleave(
      ROUNDS,
      () => cpuMilliseconds(() => ours(challenges[oursRun++] as Challenge)),
      () => cpuMilliseconds(() => baseline(challenges[baselineRun++] as Challenge)),
    );
    context.record('cpu-per-sign-in', {
      ours: median(samples.ours),
      baseline: median(samples.baseline),
      note: `median of ${ROUNDS} runs each, interleaved, after ${WARM_UP} warm-up runs; process CPU (user + system)`,
    });
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
    const range = (values: number[]) =>
      `min ${sorted(values)[0]?.toFixed(1)} ms, max ${sorted(values).at(-1)?.toFixed(1)} ms`;
    context.detail(
      'SRP CPU samples',
      `auth-s3: ${range(samples.ours)}; amazon-cognito-identity-js: ${range(samples.baseline)}.`,
      samples,
    );
  },
};
