/*
 * `useListing()`: every file and folder directly under one path, loaded page by page (S3 returns at
 * most 1,000 keys per request) so a folder of 10,000 objects shows its progress and then sorts
 * locally. A newer load, or leaving the folder, abandons the older one.
 */
import type { FileItem, Files, FolderItem } from 'auth-s3';
import { useCallback, useEffect, useRef, useState } from 'react';

/** The listing's state. */
export interface Listing {
  status: 'loading' | 'ready' | 'error';
  items: FileItem[];
  folders: FolderItem[];
  error: unknown;
  reload(): void;
}

/** Lists `path` (relative to the files prefix) and re-lists on `reload()`. */
export function useListing(files: Files, path: string): Listing {
  const [state, setState] = useState<Omit<Listing, 'reload'>>({
    status: 'loading',
    items: [],
    folders: [],
    error: null,
  });
  const [generation, setGeneration] = useState(0);
  const current = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is the reload trigger.
  useEffect(() => {
    const run = ++current.current;
    setState((s) => ({ ...s, status: 'loading', error: null }));
    (async () => {
      const items: FileItem[] = [];
      const folders: FolderItem[] = [];
      try {
        for await (const page of files.listAll({ path })) {
          if (run !== current.current) return;
          items.push(...page.items);
          folders.push(...page.folders);
          setState({ status: 'loading', items: [...items], folders: [...folders], error: null });
        }
        if (run === current.current) setState({ status: 'ready', items, folders, error: null });
      } catch (error) {
        if (run === current.current) setState({ status: 'error', items, folders, error });
      }
    })();
    return () => {
      current.current += 1;
    };
  }, [files, path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
