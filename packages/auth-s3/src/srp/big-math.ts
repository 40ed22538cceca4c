/*
 * Arbitrary-precision helpers for SRP on native BigInt: sliding-window modular exponentiation
 * (BigInt `**` followed by `%` would build a number millions of bits long), a cheaper path for
 * base 2 where every window multiplication is a shift, and the hex/byte encodings Cognito hashes.
 */

const WINDOW_BITS = 5;
const HEX_MSB = /^[89a-f]/i;

/** `base ** exponent mod modulus` for non-negative inputs, by left-to-right sliding windows. */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus === 1n) return 0n;
  const b = ((base % modulus) + modulus) % modulus;
  if (b === 2n) return modPowOfTwo(exponent, modulus);
  // Odd powers b, b^3, b^5, … b^(2^w - 1): each window is one multiplication by a table entry.
  const square = (b * b) % modulus;
  const oddPowers: bigint[] = [b];
  for (let i = 1; i < 1 << (WINDOW_BITS - 1); i++) {
    oddPowers.push(((oddPowers[i - 1] as bigint) * square) % modulus);
  }
  return slidingWindow(exponent, modulus, (acc, windowValue) => {
    return (acc * (oddPowers[(windowValue - 1) >> 1] as bigint)) % modulus;
  });
}

/** `2 ** exponent mod modulus`: multiplying by 2^k is a shift, so only squarings cost anything. */
function modPowOfTwo(exponent: bigint, modulus: bigint): bigint {
  return slidingWindow(exponent, modulus, (acc, windowValue) => (acc << BigInt(windowValue)) % modulus);
}

function slidingWindow(
  exponent: bigint,
  modulus: bigint,
  multiply: (acc: bigint, windowValue: number) => bigint,
): bigint {
  if (exponent < 0n) throw new RangeError('modPow needs a non-negative exponent');
  const bits = exponent.toString(2);
  let acc = 1n;
  let i = 0;
  while (i < bits.length) {
    if (bits[i] === '0') {
      acc = (acc * acc) % modulus;
      i++;
      continue;
    }
    // The longest window of at most WINDOW_BITS bits that ends in a 1, so its value is odd.
    let end = Math.min(i + WINDOW_BITS, bits.length);
    while (bits[end - 1] === '0') end--;
    for (let k = i; k < end; k++) acc = (acc * acc) % modulus;
    acc = multiply(acc, Number.parseInt(bits.slice(i, end), 2));
    i = end;
  }
  return acc % modulus;
}

/**
 * The hex form Cognito hashes: even length, with `00` prepended when the top bit is set, so the
 * bytes always read as a positive two's-complement number (as Java's BigInteger would write it).
 */
export function padHex(value: bigint): string {
  if (value < 0n) throw new RangeError('padHex takes non-negative values only');
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return HEX_MSB.test(hex) ? `00${hex}` : hex;
}

export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 === 1) throw new RangeError('hex string must have an even length');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const byte = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    if (Number.isNaN(byte)) throw new RangeError('not a hex string');
    bytes[i] = byte;
  }
  return bytes;
}

export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function hexToBigInt(hex: string): bigint {
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}
