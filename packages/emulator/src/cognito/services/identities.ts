/*
 * The identity pool's memory: one stable identity id (`region:uuid`) per signed-in user (or per
 * unauthenticated GetId call), and the temporary credentials issued to identities, which the S3
 * service looks up by access key id to verify signatures — across restarts too.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../clock.js';
import type { IssuedCredentials } from '../../issued-credentials.js';
import type { StateStore } from '../store/json-file-store.js';
import type { IdentityRecord } from '../store/state.js';

const CREDENTIALS_VALIDITY_MS = 3600_000;
/** Expired credentials are kept this long so S3 can answer ExpiredToken rather than InvalidAccessKeyId. */
const KEEP_EXPIRED_MS = 24 * 3600_000;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Identity ids and the temporary credentials issued to them. */
export class IdentityService {
  constructor(
    private readonly region: string,
    private readonly store: StateStore,
    private readonly clock: Clock,
  ) {}

  /** The identity for a login (`provider:sub`), created on first use; a fresh one when `login` is absent. */
  identityFor(login: string | undefined): IdentityRecord {
    const identities = this.store.state.identities;
    if (login !== undefined) {
      const existing = Object.values(identities).find((identity) => identity.login === login);
      if (existing) return existing;
    }
    const identity: IdentityRecord = {
      identityId: `${this.region}:${randomUUID()}`,
      login,
      createdAt: this.clock.now(),
    };
    identities[identity.identityId] = identity;
    return identity;
  }

  find(identityId: string): IdentityRecord | undefined {
    return this.store.state.identities[identityId];
  }

  /** New credentials for an identity acting as `roleArn`, valid one hour; the caller saves the store. */
  issueCredentials(identityId: string, roleArn: string): IssuedCredentials {
    const now = this.clock.now();
    const credentials: IssuedCredentials = {
      accessKeyId: `ASIA${Array.from(randomBytes(16), (byte) => BASE32[byte % 32]).join('')}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(160).toString('base64'),
      // Whole seconds, as the JSON protocol carries them.
      expiration: Math.floor((now + CREDENTIALS_VALIDITY_MS) / 1000) * 1000,
      roleArn,
      identityId,
    };
    // The login the identity signed in with feeds S3's `cognito-identity.amazonaws.com:amr` list.
    const login = this.find(identityId)?.login;
    if (login !== undefined) credentials.login = login;
    const all = this.store.state.credentials;
    for (const [key, old] of Object.entries(all)) if (old.expiration + KEEP_EXPIRED_MS < now) delete all[key];
    all[credentials.accessKeyId] = credentials;
    return credentials;
  }

  /** What S3 calls to find the secret behind an access key id. */
  lookupCredentials = (accessKeyId: string): IssuedCredentials | undefined =>
    this.store.state.credentials[accessKeyId];
}
