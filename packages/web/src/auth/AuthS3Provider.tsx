/*
 * The React side of auth-s3: one provider that holds the library instance and follows its auth
 * events, the only source of who is signed in. Screens call the library (`auth.signIn`, `signOut`,
 * …) and never tell the provider what happened: the library's `signedIn`, `signedOut`, `refreshed`
 * and `expired` events move the app, so a sign-in made anywhere, and every session error (an expired
 * session, a revoked refresh token), is handled here, in one place. Screens read it through
 * `useAuth()` and `useFiles()`, which fail with a clear message when used outside the provider. The
 * library itself knows nothing of React.
 */
import type { AuthEvent, AuthS3, CurrentUser } from 'auth-s3';
import { createContext, type ReactNode, useCallback, useEffect, useMemo, useReducer } from 'react';

/** `checking` while a stored session is being validated at start. */
export type AuthStatus = 'checking' | 'signedIn' | 'signedOut';

/** What the provider shares with the screens: the state to read, nothing that sets it. */
export interface AuthContextValue {
  client: AuthS3;
  status: AuthStatus;
  user: CurrentUser | null;
  /** A message for the sign-in screen, e.g. why the user was signed out. */
  notice: string | null;
  setNotice(notice: string | null): void;
  /** Where the emulator's inbox is, when running against the emulator. */
  inboxUrl(email: string): string | null;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

/** The words shown on the sign-in screen after an expired session. */
export const EXPIRED_NOTICE = 'Your session has expired. Sign in again to continue where you left off.';

interface SessionState {
  status: AuthStatus;
  user: CurrentUser | null;
  notice: string | null;
}

/** An auth event from the library, or a screen setting the sign-in screen's message. */
type Action = AuthEvent | { type: 'notice'; notice: string | null };

/** The one place an auth event becomes app state. */
function follow(state: SessionState, action: Action): SessionState {
  switch (action.type) {
    case 'signedIn':
      return { status: 'signedIn', user: action.user, notice: null };
    case 'refreshed':
      return { ...state, status: 'signedIn', user: action.user };
    case 'signedOut':
      return { ...state, status: 'signedOut', user: null };
    case 'expired':
      return { status: 'signedOut', user: null, notice: EXPIRED_NOTICE };
    case 'notice':
      return { ...state, notice: action.notice };
  }
}

/** Provides the library instance and the signed-in user to everything below it. */
export function AuthS3Provider({ client, children }: { client: AuthS3; children: ReactNode }) {
  const [state, dispatch] = useReducer(follow, client, (c): SessionState => {
    const user = c.auth.currentUser();
    return { status: user ? 'checking' : 'signedOut', user, notice: null };
  });

  const setNotice = useCallback((notice: string | null) => dispatch({ type: 'notice', notice }), []);

  useEffect(() => {
    const unsubscribe = client.auth.onChange(dispatch);
    // A stored session is only trusted once it proves valid (refreshing it if need be). A refresh the
    // pool refuses arrives as `expired` on its own; anything else that stops the check counts the same.
    let cancelled = false;
    if (client.auth.currentUser()) {
      const settle = (event: AuthEvent) => {
        if (!cancelled) dispatch(event);
      };
      client.auth.getSession().then(
        (tokens) => {
          const user = client.auth.currentUser();
          settle(tokens && user ? { type: 'refreshed', user } : { type: 'expired' });
        },
        () => settle({ type: 'expired' }),
      );
    }
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [client]);

  const value = useMemo<AuthContextValue>(
    () => ({
      client,
      status: state.status,
      user: state.user,
      notice: state.notice,
      setNotice,
      inboxUrl: (email) =>
        client.config.endpoint
          ? `${client.config.endpoint}/_emulator/inbox?${new URLSearchParams({ to: email })}`
          : null,
    }),
    [client, state, setNotice],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
