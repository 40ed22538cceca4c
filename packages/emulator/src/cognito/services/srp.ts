/*
 * The server half of SRP-6a exactly as Cognito runs it (and amazon-cognito-identity-js's
 * AuthenticationHelper expects): the 3072-bit group of RFC 5054 with g = 2, k = H(N | g),
 * x = H(salt | H(poolName | userId | ":" | password)), u = H(A | B), every number hashed in
 * Cognito's "padded hex" form, and the session key K taken from S with HKDF-SHA256
 * (salt u, info "Caldera Derived Key", 16 bytes). The signature the client proves with is
 * HMAC-SHA256(K, poolName | userId | secretBlock | timestamp).
 *
 * Modular exponentiation runs in OpenSSL as a raw RSA public-key operation (modulus N, the
 * exponent as the public exponent, no padding), about a millisecond and several times faster than
 * BigInt. It used to run through node:crypto's Diffie-Hellman objects, but Node 24's OpenSSL checks
 * that a DH group's prime is prime when the object is built: about two seconds for every
 * `createDiffieHellman(N, g)`, so every sign-up and sign-in took seconds. A public RSA key is not
 * checked that way (nor whether its modulus is a product of two primes), and OpenSSL takes any
 * public exponent below the modulus, even or odd, when the modulus has at most 3072 bits (beyond
 * that it limits the exponent to 64 bits): N has exactly 3072.
 */
import {
  constants,
  createHash,
  createHmac,
  createPublicKey,
  publicEncrypt,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

/** The group modulus and generator. */
export const N = BigInt(`0x${N_HEX}`);
export const g = 2n;
const N_BYTES = Buffer.from(N_HEX, 'hex');
const N_BASE64URL = N_BYTES.toString('base64url');
const INFO = Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]);

/** Cognito's hex form of a non-negative number: even length, a leading `00` when the top bit is set. */
export function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hexHash(hex: string): bigint {
  return BigInt(`0x${sha256Hex(Buffer.from(hex, 'hex'))}`);
}

function toBytes(value: bigint): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return Buffer.from(hex, 'hex');
}

/**
 * base^exponent mod N for any base and any non-negative exponent. OpenSSL computes it as RSA
 * encryption without padding under the public key (N, exponent); inputs it refuses (exponent 0,
 * 1 or not below N, base 0 or 1) or an OpenSSL error take the BigInt path, which gives the same
 * answer, slower.
 */
export function modPowN(base: bigint, exponent: bigint): bigint {
  const reduced = ((base % N) + N) % N;
  if (reduced > 1n && exponent > 1n && exponent < N) {
    try {
      return rsaModPowN(reduced, exponent);
    } catch {
      // Fall through to BigInt.
    }
  }
  return bigIntModPowN(reduced, exponent);
}

/**
 * The OpenSSL path of `modPowN` alone, for `reduced` in [2, N) and `exponent` in [2, N); throws
 * what OpenSSL throws. Exported so tests prove it, not the BigInt fallback, gives the answers.
 */
export function rsaModPowN(reduced: bigint, exponent: bigint): bigint {
  const key = createPublicKey({
    key: { kty: 'RSA', n: N_BASE64URL, e: toBytes(exponent).toString('base64url') },
    format: 'jwk',
  });
  // Without padding the input is exactly the modulus's length, big-endian.
  const input = Buffer.alloc(N_BYTES.length);
  const bytes = toBytes(reduced);
  bytes.copy(input, input.length - bytes.length);
  return BigInt(`0x${publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, input).toString('hex')}`);
}

/** Square-and-multiply with BigInt; `reduced` is already in [0, N). */
function bigIntModPowN(reduced: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = reduced;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % N;
    b = (b * b) % N;
  }
  return result;
}

const k = hexHash(padHex(N) + padHex(g));

/** x = H(salt | H(poolName | userId | ":" | password)) */
function computeX(poolName: string, userId: string, password: string, saltHex: string): bigint {
  const inner = sha256Hex(`${poolName}${userId}:${password}`);
  return hexHash(padHex(BigInt(`0x${saltHex}`)) + inner);
}

/** A new salt and verifier v = g^x for a password; only these are stored. */
export function createVerifier(
  poolName: string,
  userId: string,
  password: string,
): { salt: string; verifier: string } {
  const salt = padHex(BigInt(`0x${randomBytes(16).toString('hex')}`));
  const verifier = padHex(modPowN(g, computeX(poolName, userId, password, salt)));
  return { salt, verifier };
}

/** Whether `password` produces the stored verifier (for USER_PASSWORD_AUTH and ChangePassword). */
export function checkPassword(
  poolName: string,
  userId: string,
  password: string,
  salt: string,
  verifier: string,
): boolean {
  const candidate = Buffer.from(padHex(modPowN(g, computeX(poolName, userId, password, salt))), 'hex');
  const stored = Buffer.from(verifier, 'hex');
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}

/** The server's ephemeral values: secret b and public B = k·v + g^b (hex). */
export function createServerEphemeral(verifierHex: string): { b: string; B: string } {
  const v = BigInt(`0x${verifierHex}`);
  for (;;) {
    const b = BigInt(`0x${randomBytes(32).toString('hex')}`);
    const B = (k * v + modPowN(g, b)) % N;
    if (B !== 0n) return { b: b.toString(16), B: B.toString(16) };
  }
}

/** Whether the client's A is usable (A mod N ≠ 0), as the protocol requires. */
export function isValidClientPublic(aHex: string): boolean {
  return /^[0-9a-f]+$/i.test(aHex) && BigInt(`0x${aHex}`) % N !== 0n;
}

/** K = HKDF(S, u), with S = (A · v^u)^b. */
export function computeSessionKey(params: { A: string; B: string; b: string; verifier: string }): Buffer {
  const A = BigInt(`0x${params.A}`);
  const B = BigInt(`0x${params.B}`);
  const b = BigInt(`0x${params.b}`);
  const v = BigInt(`0x${params.verifier}`);
  const u = hexHash(padHex(A) + padHex(B));
  const S = modPowN((A % N) * modPowN(v, u), b);
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(S), 'hex'))
    .digest();
  return createHmac('sha256', prk).update(INFO).digest().subarray(0, 16);
}

/** The PASSWORD_CLAIM_SIGNATURE a client holding K must send (base64). */
export function passwordClaimSignature(
  key: Buffer,
  poolName: string,
  userId: string,
  secretBlock: string,
  timestamp: string,
): string {
  return createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(poolName, 'utf8'),
        Buffer.from(userId, 'utf8'),
        Buffer.from(secretBlock, 'base64'),
        Buffer.from(timestamp, 'utf8'),
      ]),
    )
    .digest('base64');
}

/** Compares two base64 signatures in constant time. */
export function signaturesMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'base64');
  const b = Buffer.from(received, 'base64');
  return a.length === b.length && timingSafeEqual(a, b);
}
