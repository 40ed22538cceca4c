// @vitest-environment node
/*
 * The build-only SDK trim, on a real Vite build of the S3 client as the web app bundles it (browser
 * conditions): without the plugin the event-stream codec is in the output, with it the codec is gone
 * and the client still builds, signs, sends and reads S3's XML answer from the emulator over HTTP.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningEmulator, startEmulator } from '@auth-s3/emulator';
import { TEMPLATE_FIXTURE } from '@auth-s3/emulator/testing';
import { Window } from 'happy-dom';
import { build, type Plugin, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEFT_OUT_MESSAGE, trimAwsSdk } from './trim-aws-sdk.ts';

/** The library's folder: `@aws-sdk/client-s3` resolves from there, as it does in the app's build. */
const AUTH_S3_ROOT = fileURLToPath(new URL('../../auth-s3/', import.meta.url));
const ENTRY = 'virtual:s3-entry';
const ENTRY_SOURCE = `export { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';`;
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

let dir: string;
let emulator: RunningEmulator;
let trimmed: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trim-aws-sdk-'));
  emulator = await startEmulator({ dataDir: join(dir, 'data'), template: TEMPLATE_FIXTURE, quiet: true });
  trimmed = await bundleS3Client(true);
});

afterAll(async () => {
  await emulator?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('trimAwsSdk', () => {
  it('leaves the event-stream codec out of the S3 client, which has it otherwise', async () => {
    const whole = await bundleS3Client(false);
    for (const marker of CODEC_MARKERS) {
      expect(whole).toContain(marker);
      expect(trimmed).not.toContain(marker);
    }
    expect(trimmed).toContain(LEFT_OUT_MESSAGE);
  });

  it('keeps a client that signs, sends and reads S3 answers from the emulator', async () => {
    // The browser build reads XML with the page's DOMParser (and Node constants); happy-dom lends them.
    const browser = new Window();
    Object.assign(globalThis, { DOMParser: browser.DOMParser, Node: browser.Node });
    const file = join(dir, 's3-client.mjs');
    await writeFile(file, trimmed);
    const { S3Client, ListObjectsV2Command } = await import(file);
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
    for (const name of ['DOMParser', 'Node']) Reflect.deleteProperty(globalThis, name);
    await browser.happyDOM.close();
  });
});
