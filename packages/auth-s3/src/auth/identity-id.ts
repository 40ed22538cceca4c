/*
 * The signed-in user's identity pool identity id (`region:uuid`): from storage when this user (by
 * the user pool `sub`) had one before, else one GetId call, whose answer is stored. It names the
 * user's private area, `private/{identityId}/`: the role's policy variable
 * `${cognito-identity.amazonaws.com:sub}` is this id, not the user pool's `sub`. Part of the first
 * load (the identity pool JSON client is small), so `auth.identityId()` needs no S3 code.
 */
import type { IdentityPoolApi } from '../cognito/identity-pool-operations.js';
import { toAuthS3Error } from '../error-mapping.js';
import { NotSignedInError, ServiceError } from '../errors.js';
import type { Auth, AuthS3Config } from '../types.js';
import { userFromIdToken } from './id-token.js';
import type { SessionStore } from './session-store.js';

/** The signed-in user's identity, as the identity pool calls need it. */
interface SignedInIdentity {
  sub: string;
  identityId: string;
  /** `{ "cognito-idp.<region>.amazonaws.com/<pool>": idToken }` */
  logins: Record<string, string>;
}

export interface IdentityIds {
  /** The signed-in user's identity (GetId at most once per user). @throws NotSignedInError */
  current(): Promise<SignedInIdentity>;
  /** The identity id last resolved for the user signed in now, without a request; else `undefined`. */
  known(): string | undefined;
  /** Forgets a stored id the identity pool no longer knows (the pool was recreated). */
  forget(sub: string): Promise<void>;
}

export function createIdentityIds(deps: {
  config: AuthS3Config;
  identity: IdentityPoolApi;
  auth: Pick<Auth, 'getSession' | 'currentUser'>;
  store: SessionStore;
}): IdentityIds {
  const { config, identity, auth, store } = deps;
  const providerName = `cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
  let last: { sub: string; identityId: string } | undefined;
  /** The lookup under way, so callers at the same moment (two areas, the credentials) share one GetId. */
  let pending: { sub: string; identityId: Promise<string> } | undefined;

  function resolve(sub: string, logins: Record<string, string>): Promise<string> {
    if (pending?.sub !== sub) {
      const identityId = lookUp(sub, logins).finally(() => {
        if (pending?.identityId === identityId) pending = undefined;
      });
      pending = { sub, identityId };
    }
    return pending.identityId;
  }

  async function lookUp(sub: string, logins: Record<string, string>): Promise<string> {
    const stored = await store.getIdentityId(sub);
    if (stored) return stored;
    let answer: { IdentityId?: string };
    try {
      answer = await identity.getId({ IdentityPoolId: config.identityPoolId, Logins: logins });
    } catch (error) {
      throw toAuthS3Error(error, { operation: 'getId' });
    }
    if (!answer.IdentityId) {
      throw new ServiceError('The identity pool answered GetId without an IdentityId. Try again.');
    }
    await store.setIdentityId(sub, answer.IdentityId);
    return answer.IdentityId;
  }

  return {
    async current() {
      const session = await auth.getSession();
      if (!session) throw new NotSignedInError('Files need a signed-in user. Sign in first.');
      const { sub } = userFromIdToken(session.idToken);
      const logins = { [providerName]: session.idToken };
      const identityId = await resolve(sub, logins);
      last = { sub, identityId };
      return { sub, identityId, logins };
    },
    known() {
      const sub = auth.currentUser()?.sub;
      return last && last.sub === sub ? last.identityId : undefined;
    },
    async forget(sub) {
      if (last?.sub === sub) last = undefined;
      await store.forgetIdentityId(sub);
    },
  };
}
