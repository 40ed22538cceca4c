/*
 * `useAuth()`: the library's `auth` facade plus the signed-in state, for screens under
 * `AuthS3Provider`.
 */
import type { Auth } from 'auth-s3';
import { useContext } from 'react';
import { AuthContext, type AuthContextValue } from './AuthS3Provider';

/** Reads the provider's value, or throws a message that says how to fix the tree. */
export function useAuthContext(hook: string): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) {
    throw new Error(
      `${hook}() was called outside <AuthS3Provider>. Wrap the app in <AuthS3Provider client={createAuthS3(config)}> (see src/main.tsx).`,
    );
  }
  return value;
}

/** The `auth` facade and who is signed in. */
export function useAuth(): Omit<AuthContextValue, 'client'> & { auth: Auth } {
  const { client, ...rest } = useAuthContext('useAuth');
  return { auth: client.auth, ...rest };
}
