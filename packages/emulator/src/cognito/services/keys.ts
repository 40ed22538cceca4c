/*
 * The emulator's secrets, kept in `keys.json` in the data dir so tokens and challenges stay
 * valid across restarts: two RSA key pairs, one signing id tokens and one signing access tokens
 * (Cognito signs them with different keys, both in the pool's JWKS, each token's `kid` naming
 * its own), and the AES key that seals SRP secret blocks and challenge sessions. A data dir
 * written before the access token key existed keeps its key for id tokens and gains the second
 * key on the next start.
 */
import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sweepTempFiles, writeFileAtomic } from '../store/atomic-write.js';

/** One RS256 key pair, published in the JWKS under `kid`. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface EmulatorKeys {
  /** Signs id tokens. */
  idToken: SigningKey;
  /** Signs access tokens. */
  accessToken: SigningKey;
  /** 32 bytes for AES-256-GCM. */
  sealingKey: Buffer;
}

interface StoredKey {
  kid: string;
  privateKeyPem: string;
}

/** `keys.json`: the id token key at the top level (as the first format had it), the access token key beside it. */
interface KeysFile extends StoredKey {
  sealingKey: string;
  accessToken?: StoredKey;
}

async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { kid: randomBytes(16).toString('hex'), privateKey, publicKey };
}

function readSigningKey(stored: StoredKey): SigningKey {
  const privateKey = createPrivateKey(stored.privateKeyPem);
  return { kid: stored.kid, privateKey, publicKey: createPublicKey(privateKey) };
}

function storeSigningKey(key: SigningKey): StoredKey {
  return { kid: key.kid, privateKeyPem: key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** Generates a fresh set of keys (2048-bit RSA). */
export async function generateKeys(): Promise<EmulatorKeys> {
  const [idToken, accessToken] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  return { idToken, accessToken, sealingKey: randomBytes(32) };
}

/** Reads `keys.json` from `dataDir`, creating it on first start and adding a missing access token key. */
export async function loadOrCreateKeys(dataDir: string): Promise<EmulatorKeys> {
  const path = join(dataDir, 'keys.json');
  await sweepTempFiles(path);
  let text: string | undefined;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let keys: EmulatorKeys;
  if (text === undefined) {
    keys = await generateKeys();
  } else {
    const file = JSON.parse(text) as KeysFile;
    if (file.accessToken) {
      return {
        idToken: readSigningKey(file),
        accessToken: readSigningKey(file.accessToken),
        sealingKey: Buffer.from(file.sealingKey, 'base64'),
      };
    }
    keys = {
      idToken: readSigningKey(file),
      accessToken: await generateSigningKey(),
      sealingKey: Buffer.from(file.sealingKey, 'base64'),
    };
  }
  const file: KeysFile = {
    ...storeSigningKey(keys.idToken),
    sealingKey: keys.sealingKey.toString('base64'),
    accessToken: storeSigningKey(keys.accessToken),
  };
  await writeFileAtomic(path, JSON.stringify(file, null, 2));
  return keys;
}
