/*
 * The files view: the header, then either a folder of an area (My files or Shared) or that folder's
 * recently deleted files, as the route says. A new area starts fresh (selection, messages, dialogs).
 * Loaded lazily after sign-in (see `lazy-files.ts`).
 */
import type { AreaName } from 'auth-s3';
import { Header } from '../components/Header';
import type { FilesView } from '../router';
import { FolderBrowser } from './FolderBrowser';
import { RecentlyDeleted } from './RecentlyDeleted';

/** Props of {@link Files}: where the route points. */
export interface FilesProps {
  area: AreaName;
  /** Relative to the area, `''` or ending with `/`. */
  path: string;
  view: FilesView;
}

/** The files view for a route. */
export function Files({ area, path, view }: FilesProps) {
  return (
    <>
      <Header />
      {view === 'deleted' ? (
        <RecentlyDeleted key={area} area={area} path={path} />
      ) : (
        <FolderBrowser key={area} area={area} path={path} />
      )}
    </>
  );
}
