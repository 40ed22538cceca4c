/*
 * `useFiles()`: the library's `files` facade, for screens under `AuthS3Provider`.
 */
import type { Files } from 'auth-s3';
import { useAuthContext } from '../auth/useAuth';

/** The `files` facade and a callback for requests that found the session gone. */
export function useFiles(): { files: Files; sessionExpired(): void } {
  const { client, sessionExpired } = useAuthContext('useFiles');
  return { files: client.files, sessionExpired };
}
