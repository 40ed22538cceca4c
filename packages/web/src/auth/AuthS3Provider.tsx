/*
 * The React side of auth-s3: one provider that holds the library instance, follows its auth events
 * and exposes who is signed in. Screens read it through `useAuth()` and `useFiles()`, which fail with
 * a clear message when used outside the provider. The library itself knows nothing of React.
 */
import type { AuthS3, CurrentUser } from 'auth-s3';
import { createContext, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';

/** `checking` while a stored session is being validated at start. */
export type AuthStatus = 'checking' | 'signedIn' | 'signedOut';

/** What the provider shares with the screens. */
export interface AuthContextValue {
  client: AuthS3;
  status: AuthStatus;
  user: CurrentUser | null;
  /** A message for the sign-in screen, e.g. why the user was signed out. */
  notice: string | null;
  setNotice(notice: string | null): void;
  /** Records a completed sign-in (the library also emits `signedIn`; both are harmless). */
  signedIn(user: CurrentUser | undefined): void;
  /** Records a sign-out, whether or not the library's event arrives first. */
  signedOut(): void;
  /** Called when a request found the session gone: back to sign-in, with a message. */
  sessionExpired(): void;
  /** Where the emulator's inbox is, when running against the emulator. */
  inboxUrl(email: string): string | null;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

/** The words shown on the sign-in screen after an expired session. */
export const EXPIRED_NOTICE = 'Your session has expired. Sign in again to continue where you left off.';

/** Provides the library instance and the signed-in user to everything below it. */
export function AuthS3Provider({ client, children }: { client: AuthS3; children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(() => client.auth.currentUser());
  const [status, setStatus] = useState<AuthStatus>(() => (user ? 'checking' : 'signedOut'));
  const [notice, setNotice] = useState<string | null>(null);

  const sessionExpired = useCallback(() => {
    setUser(null);
    setStatus('signedOut');
    setNotice(EXPIRED_NOTICE);
  }, []);

  const signedIn = useCallback(
    (next: CurrentUser | undefined) => {
      setUser(next ?? client.auth.currentUser());
      setStatus('signedIn');
      setNotice(null);
    },
    [client],
  );

  const signedOut = useCallback(() => {
    setUser(null);
    setStatus('signedOut');
  }, []);

  useEffect(() => {
    const unsubscribe = client.auth.onChange((event) => {
      if (event.type === 'signedIn' || event.type === 'refreshed') {
        setUser(event.user);
        setStatus('signedIn');
        if (event.type === 'signedIn') setNotice(null);
      } else if (event.type === 'expired') {
        sessionExpired();
      } else {
        setUser(null);
        setStatus('signedOut');
      }
    });
    // A stored session is only trusted once it proves valid (refreshing it if need be).
    let cancelled = false;
    if (client.auth.currentUser()) {
      client.auth.getSession().then(
        (tokens) => {
          if (cancelled) return;
          if (tokens) {
            setUser(client.auth.currentUser());
            setStatus('signedIn');
          } else sessionExpired();
        },
        () => {
          if (!cancelled) sessionExpired();
        },
      );
    }
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [client, sessionExpired]);

  const value = useMemo<AuthContextValue>(
    () => ({
      client,
      status,
      user,
      notice,
      setNotice,
      signedIn,
      signedOut,
      sessionExpired,
      inboxUrl: (email) =>
        client.config.endpoint
          ? `${client.config.endpoint}/_emulator/inbox?${new URLSearchParams({ to: email })}`
          : null,
    }),
    [client, status, user, notice, signedIn, signedOut, sessionExpired],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
