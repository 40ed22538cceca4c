/*
 * `createAuthS3(config, options)`: wires storage, clock, logger and fetch into the `auth`, `mfa`
 * and `files` facades. The user pool operations are built here (a few hundred bytes of JSON client, no
 * SDK); `files` loads the identity pool operations and the S3 SDK on first use or `files.preload()`.
 */
import { FILE_AREAS } from '#outputs';
import { createAuth } from './auth/auth.js';
import { createIdentityIds } from './auth/identity-id.js';
import { createSession } from './auth/session.js';
import { SessionStore } from './auth/session-store.js';
import { createMfa, DEFAULT_TOTP_ISSUER } from './auth/totp.js';
import { checkOptionalInteger, checkOptionalString, checkOptions } from './check-arguments.js';
import { createIdentityPoolApi, createUserPoolApi } from './clients.js';
import { checkAreaName, createFileAreas } from './files/files.js';
import { normalizePrefix, privatePrefixPattern } from './files/object-keys.js';
import { resolveStorage } from './token-storage.js';
import type { AreaName, Auth, AuthS3, AuthS3Config, AuthS3Options, Clock, Logger } from './types.js';

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
 * @throws InvalidParameterError when an option has the wrong type.
 */
export function createAuthS3(config: AuthS3Config, options: AuthS3Options = {}): AuthS3 {
  checkOptions('createAuthS3', options);
  checkOptionalString('createAuthS3', 'prefix (e.g. "public/")', options.prefix);
  checkOptionalString(
    'createAuthS3',
    'privatePrefixPattern (e.g. "private/{identityId}/")',
    options.privatePrefixPattern,
  );
  checkOptionalString('createAuthS3', 'appName (e.g. "My App")', options.appName);
  checkOptions('createAuthS3', options.multipart);
  for (const name of ['threshold', 'partSize', 'concurrency'] as const) {
    checkOptionalInteger('createAuthS3', `multipart.${name}`, options.multipart?.[name], {
      min: 1,
      max: Number.MAX_SAFE_INTEGER,
    });
  }
  const areas = config.areas ?? FILE_AREAS;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const store = new SessionStore(resolveStorage(options.storage), config.userPoolClientId);
  const api = createUserPoolApi(config, { logger, fetch: options.fetch });
  const issuer = options.appName ?? DEFAULT_TOTP_ISSUER;
  // One session for both facades: a revoked token seen by `mfa` signs `auth` out too.
  const session = createSession({ config, api, store, clock, logger });
  const userAuth = createAuth({ config, api, store, clock, logger, issuer, session });
  const mfa = createMfa({ api, session, issuer });
  const identityIds = createIdentityIds({
    config,
    identity: createIdentityPoolApi(config, { logger, fetch: options.fetch }),
    auth: userAuth,
    store,
  });
  const auth: Auth = {
    ...userAuth,
    identityId: async () => (await identityIds.current()).identityId,
  };
  const fileAreas = createFileAreas({
    config,
    auth,
    store,
    clock,
    logger,
    fetch: options.fetch,
    identityIds,
    prefix: normalizePrefix(options.prefix ?? areas.publicPrefix),
    privatePrefixPattern: privatePrefixPattern(options.privatePrefixPattern ?? areas.privatePrefixPattern),
    tuning: options.multipart,
  });
  return {
    auth,
    files: fileAreas.shared,
    myFiles: fileAreas.mine,
    area(name: AreaName) {
      checkAreaName('area', 'the area name', name);
      return name === 'shared' ? fileAreas.shared : fileAreas.mine;
    },
    mfa,
    config,
  };
}
