/*
 * The client half of Cognito's SRP-6a (USER_SRP_AUTH): the ephemeral key A sent with
 * InitiateAuth, and the PASSWORD_VERIFIER response (signature over the pool name, user id,
 * secret block and timestamp). The password never leaves this module. Native BigInt + WebCrypto.
 */
import { bytesToHex, hexToBigInt, hexToBytes, modPow, padHex } from './big-math.js';
import {
  base64ToBytes,
  bytesToBase64,
  concatBytes,
  hkdfSha256,
  hmacSha256,
  randomBytes,
  sha256,
  utf8,
} from './web-crypto.js';

/** RFC 5054's 3072-bit group, the one Cognito uses. */
const N = hexToBigInt(
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;
const INFO = utf8('Caldera Derived Key');
/**
 * 256 random bits for the private value a: RFC 5054 asks for at least 256 bits, and since the
 * exponent sets the cost of each modPow, this is what keeps a sign-in cheap.
 */
const SMALL_A_BYTES = 32;

let multiplier: Promise<bigint> | undefined;

/** k = H(N | g), computed once. */
function getMultiplier(): Promise<bigint> {
  multiplier ??= hashHex(padHex(N) + padHex(g)).then(hexToBigInt);
  return multiplier;
}

async function hashHex(hex: string): Promise<string> {
  return bytesToHex(await sha256(hexToBytes(hex)));
}

/** The client's ephemeral pair for one sign-in attempt. */
export interface SrpEphemeral {
  /** Private: stays in memory for the attempt. */
  readonly smallA: bigint;
  readonly largeA: bigint;
  /** What InitiateAuth sends as `SRP_A`. */
  readonly srpA: string;
}

/** Creates a, A = g^a mod N. Pass `smallA` only in tests (known-answer vectors). */
export function createSrpEphemeral(smallA?: bigint): SrpEphemeral {
  const a = smallA ?? hexToBigInt(bytesToHex(randomBytes(SMALL_A_BYTES)));
  if (a <= 0n) throw new RangeError('a must be positive');
  const largeA = modPow(g, a, N);
  if (largeA % N === 0n) throw new RangeError('A mod N is 0; pick another a');
  return { smallA: a, largeA, srpA: largeA.toString(16) };
}

/** The PASSWORD_VERIFIER challenge parameters Cognito answers InitiateAuth with. */
export interface PasswordVerifierChallenge {
  SRP_B: string;
  SALT: string;
  SECRET_BLOCK: string;
  USER_ID_FOR_SRP: string;
}

export interface PasswordClaim {
  PASSWORD_CLAIM_SIGNATURE: string;
  PASSWORD_CLAIM_SECRET_BLOCK: string;
  TIMESTAMP: string;
  USERNAME: string;
}

/** HKDF(S, u): the 16-byte key both sides derive; exported for the known-answer tests. */
export async function computePasswordAuthenticationKey(input: {
  poolName: string;
  userIdForSrp: string;
  password: string;
  ephemeral: SrpEphemeral;
  srpB: bigint;
  salt: bigint;
}): Promise<Uint8Array<ArrayBuffer>> {
  const { ephemeral, srpB: B } = input;
  if (B % N === 0n) throw new RangeError('The server sent B = 0 mod N; refusing to continue');
  const u = hexToBigInt(await hashHex(padHex(ephemeral.largeA) + padHex(B)));
  if (u === 0n) throw new RangeError('u is 0; refusing to continue');
  const identityHash = bytesToHex(
    await sha256(utf8(`${input.poolName}${input.userIdForSrp}:${input.password}`)),
  );
  const x = hexToBigInt(await hashHex(padHex(input.salt) + identityHash.padStart(64, '0')));
  const k = await getMultiplier();
  // S = (B - k·g^x)^(a + u·x) mod N, with the base brought into [0, N).
  const base = (((B - k * modPow(g, x, N)) % N) + N) % N;
  const S = modPow(base, ephemeral.smallA + u * x, N);
  return hkdfSha256(hexToBytes(padHex(S)), hexToBytes(padHex(u)), INFO, 16);
}

/** Computes the RespondToAuthChallenge answer for PASSWORD_VERIFIER. */
export async function computePasswordClaim(input: {
  userPoolId: string;
  password: string;
  ephemeral: SrpEphemeral;
  challenge: PasswordVerifierChallenge;
  now: Date;
}): Promise<PasswordClaim> {
  const poolName = input.userPoolId.split('_')[1] ?? '';
  const { challenge } = input;
  const key = await computePasswordAuthenticationKey({
    poolName,
    userIdForSrp: challenge.USER_ID_FOR_SRP,
    password: input.password,
    ephemeral: input.ephemeral,
    srpB: hexToBigInt(challenge.SRP_B),
    salt: hexToBigInt(challenge.SALT),
  });
  const timestamp = formatTimestamp(input.now);
  const message = concatBytes(
    utf8(poolName),
    utf8(challenge.USER_ID_FOR_SRP),
    base64ToBytes(challenge.SECRET_BLOCK),
    utf8(timestamp),
  );
  return {
    PASSWORD_CLAIM_SIGNATURE: bytesToBase64(await hmacSha256(key, message)),
    PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK,
    TIMESTAMP: timestamp,
    USERNAME: challenge.USER_ID_FOR_SRP,
  };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Cognito's timestamp format, `ddd MMM D HH:mm:ss UTC YYYY` (day not zero-padded). */
export function formatTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}
