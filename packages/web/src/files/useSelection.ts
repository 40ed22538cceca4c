/*
 * `useSelection()`: which entries of a folder are ticked. A click ticks or unticks one; a
 * shift-click sets the whole range from the last clicked entry to this one (in the order shown) to
 * the clicked entry's new state, as file managers do; the page's box ticks or unticks every row
 * shown. Entries are named by their path (folders end with `/`).
 */
import { useCallback, useState } from 'react';

/** The selection and its operations. */
export interface Selection {
  selected: ReadonlySet<string>;
  /** Ticks or unticks `path`; with `range`, everything between the last clicked path and it too. */
  toggle(path: string, order: readonly string[], range: boolean): void;
  /** Ticks (or unticks) every path of `paths`, e.g. the rows on the page. */
  setMany(paths: readonly string[], checked: boolean): void;
  clear(): void;
}

/** See {@link Selection}. */
export function useSelection(): Selection {
  const [state, setState] = useState<{ selected: ReadonlySet<string>; anchor: string | null }>({
    selected: new Set(),
    anchor: null,
  });

  const toggle = useCallback<Selection['toggle']>((path, order, range) => {
    setState(({ selected, anchor }) => {
      const next = new Set(selected);
      const checked = !selected.has(path);
      const from = anchor === null ? -1 : order.indexOf(anchor);
      const to = order.indexOf(path);
      const span =
        range && from >= 0 && to >= 0 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [path];
      for (const p of span) {
        if (checked) next.add(p);
        else next.delete(p);
      }
      return { selected: next, anchor: path };
    });
  }, []);

  const setMany = useCallback<Selection['setMany']>((paths, checked) => {
    setState(({ selected, anchor }) => {
      const next = new Set(selected);
      for (const p of paths) {
        if (checked) next.add(p);
        else next.delete(p);
      }
      return { selected: next, anchor };
    });
  }, []);

  const clear = useCallback(() => setState({ selected: new Set(), anchor: null }), []);
  return { selected: state.selected, toggle, setMany, clear };
}
