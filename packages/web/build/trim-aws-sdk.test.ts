// @vitest-environment node
/*
 * The build-only SDK trim, on a real Vite build of the S3 client as the web app bundles it (browser
 * conditions): without the plugin the left-out code is in the output, with it each part is gone and
 * the client still signs, sends and reads S3's answers from the emulator over HTTP, with credentials
 * the emulator's identity pool issued to a signed-in user: PutObject, GetObject, DeleteObjects (whose
 * required checksum is CRC32, kept), and GetObject of an object another client uploaded with a
 * CRC32C checksum. What was left out fails with its own message, not with a wrong answer.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningEmulator, startEmulator } from '@auth-s3/emulator';
import { TEMPLATE_FIXTURE } from '@auth-s3/emulator/testing';
import { createAuthS3, memoryStorage, parseOutputs } from 'auth-s3';
import { Window } from 'happy-dom';
import { build, type Plugin, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEFT_OUT_MESSAGE, LEFT_OUT_MODULES, leftOutMessage, trimAwsSdk } from './trim-aws-sdk.ts';

/** The library's folder: `@aws-sdk/client-s3` resolves from there, as it does in the app's build. */
const AUTH_S3_ROOT = fileURLToPath(new URL('../../auth-s3/', import.meta.url));
const ENTRY = 'virtual:s3-entry';
const ENTRY_SOURCE = `export {
  S3Client, ListObjectsV2Command, PutObjectCommand, GetObjectCommand, DeleteObjectsCommand,
} from '@aws-sdk/client-s3';`;
/** Names only the event-stream codec has (its message encoder and header marshaller). */
const CODEC_MARKERS = ['MessageEncoderStream', 'HeaderMarshaller'];

const entry: Plugin = {
  name: 'test-entry',
  resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : undefined),
  load: (id) => (id === `\0${ENTRY}` ? ENTRY_SOURCE : undefined),
};

/** Bundles the S3 client for the browser, as one ES module, with or without the trim. */
async function bundleS3Client(trim: boolean): Promise<string> {
  const output = (await build({
    root: AUTH_S3_ROOT,
    configFile: false,
    logLevel: 'silent',
    plugins: [entry, ...(trim ? [trimAwsSdk()] : [])],
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      rolldownOptions: {
        input: ENTRY,
        // An app build drops the entry's exports; this one is a module the test imports.
        preserveEntrySignatures: 'strict',
        output: { format: 'es', codeSplitting: false },
      },
    },
  })) as Rolldown.RolldownOutput;
  const chunk = output.output.find((file) => file.type === 'chunk' && file.isEntry);
  if (chunk?.type !== 'chunk') throw new Error('The build emitted no entry chunk');
  return chunk.code;
}

/** The SDK exports the test entry re-exports, from one bundle. */
interface Sdk {
  // biome-ignore lint/suspicious/noExplicitAny: the bundles are plain JavaScript modules.
  [name: string]: any;
}

/** Writes a bundle to a file and imports it. */
async function importBundle(code: string, name: string): Promise<Sdk> {
  const file = join(dir, name);
  await writeFile(file, code);
  return import(file);
}

/** Temporary credentials the emulator's identity pool issues to a newly signed-up user. */
async function userCredentials() {
  const config = parseOutputs({ AuthS3Stack: emulator.outputs });
  const { auth } = createAuthS3(config, { storage: memoryStorage() });
  const email = 'trim@example.com';
  await auth.signUp(email, 'Correct-Horse-1');
  const code = emulator.inbox(email)[0]?.code ?? '';
  await auth.confirmSignUp(email, code);
  const session = await auth.getSession();
  const identityId = await auth.identityId();
  // GetCredentialsForIdentity over HTTP, as the library's identity pool client sends it.
  const response = await fetch(config.endpoint ?? '', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityService.GetCredentialsForIdentity',
    },
    body: JSON.stringify({
      IdentityId: identityId,
      Logins: { [`cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`]: session?.idToken },
    }),
  });
  const { Credentials } = (await response.json()) as {
    Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string };
  };
  return {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretKey,
    sessionToken: Credentials.SessionToken,
  };
}

let dir: string;
let emulator: RunningEmulator;
let trimmed: string;
let whole: string;
let browser: Window;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trim-aws-sdk-'));
  emulator = await startEmulator({ dataDir: join(dir, 'data'), template: TEMPLATE_FIXTURE, quiet: true });
  trimmed = await bundleS3Client(true);
  whole = await bundleS3Client(false);
  // The browser build reads XML with the page's DOMParser (and Node constants); happy-dom lends them.
  browser = new Window();
  Object.assign(globalThis, { DOMParser: browser.DOMParser, Node: browser.Node });
});

afterAll(async () => {
  for (const name of ['DOMParser', 'Node']) Reflect.deleteProperty(globalThis, name);
  await browser?.happyDOM.close();
  await emulator?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('trimAwsSdk', () => {
  it('leaves the event-stream codec out of the S3 client, which has it otherwise', () => {
    for (const marker of CODEC_MARKERS) {
      expect(whole).toContain(marker);
      expect(trimmed).not.toContain(marker);
    }
    expect(trimmed).toContain(LEFT_OUT_MESSAGE);
  });

  it('replaces every left-out module the client imports with its stand-in, and the bundle shrinks', () => {
    for (const { path } of LEFT_OUT_MODULES) {
      // Rolldown names each module it bundles in a comment: every path is one the client loads.
      expect(whole, path).toContain(path);
    }
    const messages = trimmed.match(/left out of the auth-s3 web build/g) ?? [];
    // Each stand-in's message (the event-stream one besides), and none in the whole client.
    expect(messages).toHaveLength(LEFT_OUT_MODULES.length + 1);
    expect(whole).not.toContain('left out of the auth-s3 web build');
    expect(trimmed.length).toBeLessThan(whole.length - 30_000);
  });

  it('keeps a client that signs, sends and reads S3 answers from the emulator', async () => {
    const { S3Client, ListObjectsV2Command } = await importBundle(trimmed, 's3-trimmed.mjs');
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: emulator.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'unknown' },
    });
    // Keys the emulator never issued: a signed request, refused with S3's XML error, parsed by name.
    const error = await client
      .send(new ListObjectsV2Command({ Bucket: emulator.outputs.BucketName, Prefix: 'public/' }))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 403 } });
    expect((error as Error).name).toMatch(/^(InvalidAccessKeyId|AccessDenied)$/);
  });

  it('puts, reads and deletes objects as a signed-in user, DeleteObjects with its CRC32', async () => {
    const credentials = await userCredentials();
    const trimmedSdk = await importBundle(trimmed, 's3-trimmed.mjs');
    const wholeSdk = await importBundle(whole, 's3-whole.mjs');
    const options = { region: 'us-east-1', endpoint: emulator.endpoint, forcePathStyle: true, credentials };
    // As packages/auth-s3/src/clients.ts builds it.
    const client = new trimmedSdk.S3Client({
      ...options,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const other = new wholeSdk.S3Client(options);
    const Bucket = emulator.outputs.BucketName;
    const text = 'kept bytes';

    await client.send(new trimmedSdk.PutObjectCommand({ Bucket, Key: 'public/trim/a.txt', Body: text }));
    const got = await client.send(new trimmedSdk.GetObjectCommand({ Bucket, Key: 'public/trim/a.txt' }));
    expect(await got.Body.transformToString()).toBe(text);

    // Another client's upload with a CRC32C checksum, an algorithm the trim leaves out (the emulator
    // verifies CRC32, CRC32C, SHA-1 and SHA-256, not CRC64NVME): read back, unvalidated (no ChecksumMode).
    await other.send(
      new wholeSdk.PutObjectCommand({
        Bucket,
        Key: 'public/trim/b.txt',
        Body: text,
        ChecksumAlgorithm: 'CRC32C',
      }),
    );
    const b = await client.send(new trimmedSdk.GetObjectCommand({ Bucket, Key: 'public/trim/b.txt' }));
    expect(await b.Body.transformToString()).toBe(text);

    const deleted = await client.send(
      new trimmedSdk.DeleteObjectsCommand({
        Bucket,
        Delete: { Objects: [{ Key: 'public/trim/a.txt' }, { Key: 'public/trim/b.txt' }] },
      }),
    );
    expect(deleted.Errors ?? []).toEqual([]);
    expect((deleted.Deleted ?? []).map((d: { Key: string }) => d.Key).sort()).toEqual([
      'public/trim/a.txt',
      'public/trim/b.txt',
    ]);
    const listed = await client.send(new trimmedSdk.ListObjectsV2Command({ Bucket, Prefix: 'public/trim/' }));
    expect(listed.KeyCount).toBe(0);

    // What was left out says so when asked for.
    await expect(
      client.send(
        new trimmedSdk.PutObjectCommand({
          Bucket,
          Key: 'public/trim/c.txt',
          Body: text,
          ChecksumAlgorithm: 'CRC64NVME',
        }),
      ),
    ).rejects.toThrow(leftOutMessage('CRC64NVME checksums are'));
    await other.send(
      new wholeSdk.PutObjectCommand({
        Bucket,
        Key: 'public/trim/d.txt',
        Body: text,
        ChecksumAlgorithm: 'CRC32C',
      }),
    );
    await expect(
      client.send(
        new trimmedSdk.GetObjectCommand({ Bucket, Key: 'public/trim/d.txt', ChecksumMode: 'ENABLED' }),
      ),
    ).rejects.toThrow(leftOutMessage('Response checksum validation (ChecksumMode) is'));
    // A signed (not UNSIGNED-PAYLOAD) body over 8 MiB is where WebCrypto's SHA-256 hands over to JS.
    await expect(
      client.send(
        new trimmedSdk.PutObjectCommand({
          Bucket,
          Key: 'public/trim/e.bin',
          Body: new Uint8Array(9 * 1024 * 1024),
        }),
      ),
    ).rejects.toThrow(/SHA-256 in JavaScript .* left out of the auth-s3 web build/);
  });
});
