/*
 * Everything an operation may depend on, built once per emulator from the stack model, the
 * store, the keys and the clock. Each operation factory takes only the services it names
 * (`Pick<Services, 'users' | 'codes'>`), so its dependencies are visible in its signature.
 */
import type { Clock } from '../../clock.js';
import type { StackModel } from '../../stack-model.js';
import type { StateStore } from '../store/json-file-store.js';
import { CodeService } from './codes.js';
import { IdentityService } from './identities.js';
import { Inbox, type Logger } from './inbox.js';
import type { EmulatorKeys } from './keys.js';
import { createSealedBox, type SealedBox } from './sealed-box.js';
import { TokenService } from './tokens.js';
import { UserService } from './users.js';

export interface Services {
  model: StackModel;
  clock: Clock;
  store: StateStore;
  keys: EmulatorKeys;
  sealed: SealedBox;
  users: UserService;
  codes: CodeService;
  inbox: Inbox;
  tokens: TokenService;
  identities: IdentityService;
  /** `http://127.0.0.1:<port>`; known once the server listens. */
  endpoint(): string;
  log: Logger;
}

export interface ServiceDeps {
  model: StackModel;
  clock: Clock;
  store: StateStore;
  keys: EmulatorKeys;
  endpoint(): string;
  log: Logger;
}

/** Builds the services over one store. */
export function createServices(deps: ServiceDeps): Services {
  const { model, clock, store, keys, endpoint, log } = deps;
  const issuer = () => `${endpoint()}/${model.userPool.id}`;
  return {
    ...deps,
    sealed: createSealedBox(keys.sealingKey),
    users: new UserService(model.userPool, store, clock),
    codes: new CodeService(store, clock),
    inbox: new Inbox(store, clock, log),
    tokens: new TokenService(model.userPool, model.userPoolClient, keys, store, clock, issuer),
    identities: new IdentityService(model.region, store, clock),
  };
}
