/*
 * `useFiles()`: the library's `files` facades, for screens under `AuthS3Provider`.
 */
import type { AreaName, AuthS3, Files } from 'auth-s3';
import { useAuthContext } from '../auth/useAuth';

/**
 * The facade of `area` (default: the shared area) and the library instance, for the other area. A
 * request that finds the session gone needs no handling here: the library ends the session with
 * its `expired` event, which `AuthS3Provider` follows.
 */
export function useFiles(area: AreaName = 'shared'): { files: Files; client: AuthS3 } {
  const { client } = useAuthContext('useFiles');
  return { files: client.area(area), client };
}
