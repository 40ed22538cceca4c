/*
 * A build-only Vite plugin that leaves out of the web app's production bundle two parts of the AWS
 * SDK v3 S3 client that the app never uses, but that the SDK imports unconditionally:
 *
 * - the event-stream codec (`@smithy/core/event-streams`), only used by S3 SelectObjectContent,
 *   which auth-s3 does not call. The client still constructs its event-stream marshaller, so the
 *   stand-in keeps `resolveEventStreamSerdeConfig` and hands out a marshaller that throws if used;
 * - the whole `package.json` of each `@aws-sdk/*` package, inlined because its `version` goes into
 *   the user agent: only `name` and `version` are kept.
 *
 * Under `pnpm dev` nothing changes (Vite pre-bundles the SDK as published).
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const EVENT_STREAMS = '@smithy/core/event-streams';
const EVENT_STREAMS_STAND_IN = '\0event-streams-left-out.js';
const SDK_PACKAGE_JSON = /[\\/]node_modules[\\/]@aws-sdk[\\/][^\\/]+[\\/]package\.json$/;

/** The error a left-out capability throws, should an SDK path reach it after all. */
export const LEFT_OUT_MESSAGE =
  'S3 event streams (SelectObjectContent) are left out of the auth-s3 web build (packages/web/build/trim-aws-sdk.ts)';

// `resolveEventStreamSerdeConfig` as @smithy/core has it (eventstream-serde-config-resolver).
const standIn = `
export const resolveEventStreamSerdeConfig = (input) =>
  Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });
const leftOut = () => { throw new Error(${JSON.stringify(LEFT_OUT_MESSAGE)}); };
export const eventStreamSerdeProvider = () => ({ serialize: leftOut, deserialize: leftOut });
export class EventStreamSerde { constructor() { leftOut(); } }
`;

/** The plugin; see the file header. */
export function trimAwsSdk(): Plugin {
  return {
    name: 'auth-s3:trim-aws-sdk',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return source === EVENT_STREAMS ? EVENT_STREAMS_STAND_IN : undefined;
    },
    load(id) {
      if (id === EVENT_STREAMS_STAND_IN) return standIn;
      if (SDK_PACKAGE_JSON.test(id)) {
        const { name, version } = JSON.parse(readFileSync(id, 'utf8')) as { name: string; version: string };
        // Still JSON: Vite's JSON plugin turns it into a module as it would the whole file.
        return JSON.stringify({ name, version });
      }
      return undefined;
    },
  };
}
