/*
 * `useAccount()`: what the account page needs of the library — `auth`, the `mfa` facade, the user's
 * own files area (`myFiles`) — with the pool's MFA mode from the outputs and the signed-in user.
 */
import type { Auth, CurrentUser, Files, Mfa, MfaMode } from 'auth-s3';
import { useAuthContext } from '../auth/useAuth';

/** The account page's view of the library and the session. */
export interface AccountApi {
  auth: Auth;
  mfa: Mfa;
  myFiles: Files;
  /** `ON`: every account must have an authenticator app, so the page offers no "turn off". */
  mfaMode: MfaMode;
  user: CurrentUser | null;
  /** Sets the sign-in screen's message (what happened, once the user is signed out). */
  setNotice(notice: string | null): void;
}

/** Reads the provider's library instance for the account page. */
export function useAccount(): AccountApi {
  const { client, user, setNotice } = useAuthContext('useAccount');
  return {
    auth: client.auth,
    mfa: client.mfa,
    myFiles: client.myFiles,
    // An outputs file always carries it; a hand-made config without it is treated as the default stack.
    mfaMode: client.config.mfaMode ?? 'OPTIONAL',
    user,
    setNotice,
  };
}
