/*
 * The files view is its own chunk, loaded after sign-in, and so is the library's S3 code.
 * `prefetchFiles()` starts both loads early (while the password is typed, or at start when a session
 * is stored) and `LazyFiles` reuses the same promise, so landing in the view adds no waterfall.
 */
import type { Files } from 'auth-s3';
import { lazy } from 'react';

let loading: Promise<typeof import('./Files')> | null = null;

/** Starts (once) loading the files view's chunk and, given the facade, the S3 client's code. */
export function prefetchFiles(files?: Files): Promise<typeof import('./Files')> {
  if (files && !loading) {
    // A failed preload only means the code loads on first use instead.
    files.preload().catch(() => {});
  }
  loading ??= import('./Files');
  return loading;
}

/** The files view as a lazy component. */
export const LazyFiles = lazy(() => prefetchFiles().then((m) => ({ default: m.Files })));
