/*
 * A build-only Vite plugin that leaves out of the web app's production bundle parts of the AWS SDK
 * v3 S3 client that the app never uses, but that the SDK imports unconditionally. Each is replaced
 * by a stand-in with the same exports that throws, naming what was left out, if a request ever
 * reaches it:
 *
 * - the event-stream codec (`@smithy/core/event-streams`), only used by S3 SelectObjectContent,
 *   which auth-s3 does not call. The client still constructs its event-stream marshaller, so the
 *   stand-in keeps `resolveEventStreamSerdeConfig` and hands out a marshaller that throws if used;
 * - the checksum algorithms other than CRC32 (CRC32C, CRC64NVME, SHA-1, MD5). The library's client
 *   computes a checksum only where S3 requires one (`requestChecksumCalculation: 'WHEN_REQUIRED'`,
 *   packages/auth-s3/src/clients.ts), and then the SDK picks CRC32 (DeleteObjects); it validates a
 *   response's checksum only when a request sets `ChecksumMode: 'ENABLED'` (the library never does),
 *   and computes MD5 only for SSE-C keys (never sent). With the algorithms go the response
 *   validation (only run for `ChecksumMode: 'ENABLED'`) and the request-body buffering of a
 *   streamed checksummed upload (only with a `requestStreamBufferSize`, which the client leaves unset);
 * - SHA-256 in JavaScript. SigV4 signs with WebCrypto's SHA-256 (`Sha256WebCrypto`), which falls
 *   back to JavaScript only where `crypto.subtle` is missing (the app cannot sign in there: SRP needs
 *   it) or for a signed body over 8 MiB (uploads are signed `UNSIGNED-PAYLOAD`, unsigned-payload.ts,
 *   and the XML bodies the app sends stay far below: at most 1,000 keys per DeleteObjects);
 * - S3 Express One Zone sessions (directory buckets, `--x-s3` names) and SigV4a signing
 *   (multi-Region access points): the app's bucket is a general purpose bucket in one Region. The
 *   client constructs both at start-up, so the stand-ins construct and throw when asked to sign;
 * - the adaptive retry strategy, used only with `retryMode: 'adaptive'` (the app keeps `standard`),
 *   and the region redirects, only followed with `followRegionRedirects: true` (the app's client
 *   names its bucket's Region): the stand-in plugin adds nothing, or throws at start-up if set;
 * - the whole `package.json` of each `@aws-sdk/*` package, inlined because its `version` goes into
 *   the user agent: only `name` and `version` are kept.
 *
 * Under `pnpm dev` nothing changes (Vite pre-bundles the SDK as published); nor in Node (the CLI).
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const EVENT_STREAMS = '@smithy/core/event-streams';
const EVENT_STREAMS_STAND_IN = '\0event-streams-left-out.js';
const SDK_PACKAGE_JSON = /[\\/]node_modules[\\/]@aws-sdk[\\/][^\\/]+[\\/]package\.json$/;

/** The error message a left-out capability throws, should an SDK path reach it after all. */
export function leftOutMessage(what: string): string {
  return `${what} left out of the auth-s3 web build (packages/web/build/trim-aws-sdk.ts)`;
}

/** The event-stream stand-in's message (SelectObjectContent). */
export const LEFT_OUT_MESSAGE = leftOutMessage('S3 event streams (SelectObjectContent) are');

const throwing = (what: string) => `throw new Error(${JSON.stringify(leftOutMessage(what))});`;

// `resolveEventStreamSerdeConfig` as @smithy/core has it (eventstream-serde-config-resolver).
const eventStreamsStandIn = `
export const resolveEventStreamSerdeConfig = (input) =>
  Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });
const leftOut = () => { throw new Error(${JSON.stringify(LEFT_OUT_MESSAGE)}); };
export const eventStreamSerdeProvider = () => ({ serialize: leftOut, deserialize: leftOut });
export class EventStreamSerde { constructor() { leftOut(); } }
`;

/** A checksum class whose constructor throws (the SDK constructs one per checksum it computes). */
const checksumStandIn = (name: string, algorithm: string) =>
  `export class ${name} { constructor() { ${throwing(`${algorithm} checksums are`)} } }`;

/**
 * The SDK modules replaced, by their path under `node_modules` (the browser builds), and their
 * stand-ins. Each stand-in has the module's exports; a module the SDK stops importing is simply
 * not loaded, and one that changes its exports fails the build (a missing export).
 */
export const LEFT_OUT_MODULES: ReadonlyArray<{ path: string; standIn: string }> = [
  {
    path: '@aws-sdk/checksums/dist-es/submodules/crc/crc32c/Crc32cJs.js',
    standIn: checksumStandIn('Crc32cJs', 'CRC32C'),
  },
  {
    path: '@aws-sdk/checksums/dist-es/submodules/crc/crc64-nvme/Crc64NvmeJs.js',
    standIn: checksumStandIn('Crc64NvmeJs', 'CRC64NVME'),
  },
  {
    path: '@aws-sdk/checksums/dist-es/submodules/sha/sha1/Sha1Js.js',
    standIn: checksumStandIn('Sha1Js', 'SHA-1'),
  },
  {
    path: '@smithy/core/dist-es/submodules/checksum/md5/Md5Js.js',
    standIn: checksumStandIn('Md5Js', 'MD5'),
  },
  {
    path: '@aws-sdk/checksums/dist-es/submodules/flexible-checksums/validateChecksumFromResponse.js',
    standIn: `export const validateChecksumFromResponse = async () => { ${throwing('Response checksum validation (ChecksumMode) is')} };`,
  },
  {
    path: '@smithy/core/dist-es/submodules/serde/util-stream/createBufferedReadable.browser.js',
    standIn: `export function createBufferedReadable() { ${throwing('requestStreamBufferSize is')} }`,
  },
  {
    path: '@smithy/core/dist-es/submodules/checksum/sha256/Sha256Js.js',
    standIn: `export class Sha256Js { constructor() { ${throwing('SHA-256 in JavaScript (used without WebCrypto or for a signed body over 8 MiB) is')} } }`,
  },
  {
    path: '@aws-sdk/middleware-sdk-s3/dist-es/submodules/s3/middleware-s3-express/classes/S3ExpressIdentityProviderImpl.js',
    standIn: `export class S3ExpressIdentityProviderImpl {
  async getS3ExpressIdentity() { ${throwing('S3 Express One Zone sessions (directory buckets) are')} }
}`,
  },
  {
    path: '@aws-sdk/core/dist-es/submodules/httpAuthSchemes/aws_sdk/AwsSdkSigV4ASigner.js',
    standIn: `export class AwsSdkSigV4ASigner {
  async sign() { ${throwing('SigV4a signing (multi-Region access points) is')} }
}`,
  },
  {
    path: '@smithy/core/dist-es/submodules/retry/util-retry/AdaptiveRetryStrategy.js',
    standIn: `export class AdaptiveRetryStrategy { constructor() { ${throwing("retryMode 'adaptive' is")} } }`,
  },
  {
    path: '@aws-sdk/middleware-sdk-s3/dist-es/submodules/s3/middleware-region-redirect/region-redirect-middleware.js',
    standIn: `const leftOut = () => { ${throwing('followRegionRedirects is')} };
export const regionRedirectMiddleware = leftOut;
export const regionRedirectMiddlewareOptions = {};
export const getRegionRedirectMiddlewarePlugin = (config) => ({
  applyToStack() { if (config.followRegionRedirects) leftOut(); },
});`,
  },
];

const NODE_MODULES = /^.*[\\/]node_modules[\\/]/;

/** The plugin; see the file header. */
export function trimAwsSdk(): Plugin {
  const standIns = new Map(LEFT_OUT_MODULES.map(({ path, standIn }) => [path, standIn]));
  return {
    name: 'auth-s3:trim-aws-sdk',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return source === EVENT_STREAMS ? EVENT_STREAMS_STAND_IN : undefined;
    },
    load(id) {
      if (id === EVENT_STREAMS_STAND_IN) return eventStreamsStandIn;
      const standIn = NODE_MODULES.test(id)
        ? standIns.get(id.replace(NODE_MODULES, '').replaceAll('\\', '/'))
        : undefined;
      if (standIn) return standIn;
      if (SDK_PACKAGE_JSON.test(id)) {
        const { name, version } = JSON.parse(readFileSync(id, 'utf8')) as { name: string; version: string };
        // Still JSON: Vite's JSON plugin turns it into a module as it would the whole file.
        return JSON.stringify({ name, version });
      }
      return undefined;
    },
  };
}
