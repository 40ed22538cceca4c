/*
 * `createAuthS3(config, options)`: wires storage, clock, logger and fetch into the `auth`, `mfa`
 * and `files` facades. The user pool operations are built here (a few hundred bytes of JSON client, no
 * SDK); `files` loads the identity pool operations and the S3 SDK on first use or `files.preload()`.
 */
import { createAuth } from './auth/auth.js';
import { SessionStore } from './auth/session-store.js';
import { createMfa, DEFAULT_TOTP_ISSUER } from './auth/totp.js';
import { createUserPoolApi } from './clients.js';
import { createFiles } from './files/files.js';
import { normalizePrefix } from './files/object-keys.js';
import { resolveStorage } from './token-storage.js';
import type { AuthS3, AuthS3Config, AuthS3Options, Clock, Logger } from './types.js';

const systemClock: Clock = { now: () => Date.now() };
const silentLogger: Logger = { debug: () => {}, warn: () => {} };

/**
 * Creates the library for one user pool, identity pool and bucket.
 *
 * @example
 * const { auth, files } = createAuthS3(parseOutputs(outputsJson));
 * await auth.signIn('ada@example.com', password);
 * const { items } = await files.list();
 *
 * @throws ConfigError when a requested storage, or `fetch`, is missing from the runtime.
 */
export function createAuthS3(config: AuthS3Config, options: AuthS3Options = {}): AuthS3 {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const store = new SessionStore(resolveStorage(options.storage), config.userPoolClientId);
  const api = createUserPoolApi(config, { logger, fetch: options.fetch });
  const issuer = options.appName ?? DEFAULT_TOTP_ISSUER;
  const auth = createAuth({ config, api, store, clock, logger, issuer });
  const mfa = createMfa({ api, auth, issuer });
  const files = createFiles({
    config,
    auth,
    store,
    clock,
    logger,
    fetch: options.fetch,
    prefix: normalizePrefix(options.prefix ?? 'public/'),
    tuning: options.multipart,
  });
  return { auth, files, mfa, config };
}
