/*
 * Services for operation unit tests: the fixture model, an in-memory store, a manual clock and
 * one RSA key pair shared by every test in the file (generating keys is the slow part), plus a
 * builder for users in any status, the identity pool `Logins` of a signed-in one and the identity
 * GetId gives for them.
 */
import { ManualClock } from '../../clock.js';
import { type FixtureOverrides, testStackModel } from '../../testing/index.js';
import { getId } from '../identity-pools/operations/getId.js';
import { createServices, type Services } from '../services/index.js';
import { type EmulatorKeys, generateKeys } from '../services/keys.js';
import { memoryStore } from '../store/json-file-store.js';
import type { UserRecord, UserStatus } from '../store/state.js';

let keys: Promise<EmulatorKeys> | undefined;

const fixture = testStackModel();
/** The fixture model's user pool id. */
export const USER_POOL_ID = fixture.userPool.id;
/** The fixture model's app client id. */
export const CLIENT_ID = fixture.userPoolClient.id;
/** The fixture model's identity pool id. */
const IDENTITY_POOL_ID = fixture.identityPool.id;
/** The login key of the fixture's user pool in identity pool requests. */
export const PROVIDER_NAME = `cognito-idp.${fixture.region}.amazonaws.com/${USER_POOL_ID}`;

export interface TestServices extends Services {
  clock: ManualClock;
  /** Lines the services logged. */
  logged: string[];
}

/** Fresh services over an empty in-memory state. */
export async function testServices(overrides: FixtureOverrides = {}): Promise<TestServices> {
  keys ??= generateKeys();
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const logged: string[] = [];
  const services = createServices({
    model: testStackModel(overrides),
    clock,
    store: memoryStore(),
    keys: await keys,
    endpoint: () => 'http://127.0.0.1:4566',
    log: (line) => logged.push(line),
  });
  return { ...services, clock, logged };
}

/** Adds a user with `password` directly to the store. */
export function seedUser(
  services: Services,
  email: string,
  password = 'Correct-Horse-1',
  status: UserStatus = 'CONFIRMED',
): UserRecord {
  const user = services.users.create({ login: email, attributes: {}, password, status });
  user.attributes.email_verified = status === 'UNCONFIRMED' ? 'false' : 'true';
  return user;
}

/** The identity pool `Logins` of `user` signed in to the fixture's app client: its id token under the pool's provider. */
export function loginsFor(services: Services, user: UserRecord): Record<string, string> {
  return { [PROVIDER_NAME]: services.tokens.signIn(user, CLIENT_ID).IdToken };
}

/** The identity GetId gives for `Logins` in the fixture's identity pool. */
export async function identityIdFor(
  services: Services,
  Logins: Record<string, string>,
): Promise<string | undefined> {
  return (await getId(services)({ IdentityPoolId: IDENTITY_POOL_ID, Logins })).IdentityId;
}
