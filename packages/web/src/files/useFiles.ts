/*
 * `useFiles()`: the library's `files` facade, for screens under `AuthS3Provider`.
 */
import type { Files } from 'auth-s3';
import { useAuthContext } from '../auth/useAuth';

/**
 * The `files` facade. A request that finds the session gone needs no handling here: the library
 * ends the session with its `expired` event, which `AuthS3Provider` follows.
 */
export function useFiles(): { files: Files } {
  const { client } = useAuthContext('useFiles');
  return { files: client.files };
}
