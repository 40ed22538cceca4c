/*
 * The emulator's secrets, kept in `keys.json` in the data dir so tokens and challenges stay
 * valid across restarts: the RSA key pair that signs JWTs (published as JWKS) and the AES key
 * that seals SRP secret blocks and challenge sessions.
 */
import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sweepTempFiles, writeFileAtomic } from '../store/atomic-write.js';

export interface EmulatorKeys {
  /** `kid` of the signing key in the JWKS. */
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** 32 bytes for AES-256-GCM. */
  sealingKey: Buffer;
}

interface KeysFile {
  kid: string;
  privateKeyPem: string;
  sealingKey: string;
}

/** Generates a fresh set of keys (2048-bit RSA). */
export async function generateKeys(): Promise<EmulatorKeys> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { kid: randomBytes(16).toString('hex'), privateKey, publicKey, sealingKey: randomBytes(32) };
}

/** Reads `keys.json` from `dataDir`, creating it on first start. */
export async function loadOrCreateKeys(dataDir: string): Promise<EmulatorKeys> {
  const path = join(dataDir, 'keys.json');
  await sweepTempFiles(path);
  let text: string | undefined;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) {
    const file = JSON.parse(text) as KeysFile;
    const privateKey = createPrivateKey(file.privateKeyPem);
    return {
      kid: file.kid,
      privateKey,
      publicKey: createPublicKey(privateKey),
      sealingKey: Buffer.from(file.sealingKey, 'base64'),
    };
  }
  const keys = await generateKeys();
  const file: KeysFile = {
    kid: keys.kid,
    privateKeyPem: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    sealingKey: keys.sealingKey.toString('base64'),
  };
  await writeFileAtomic(path, JSON.stringify(file, null, 2));
  return keys;
}
