/*
 * Moves focus to a screen's heading when the screen (or the folder shown) changes, so keyboard and
 * screen-reader users start at the top of the new content instead of on a control that is gone.
 */
import { type RefObject, useEffect, useRef } from 'react';

/** Focuses the returned ref's element whenever `key` changes (and on mount). */
export function useFocusOnChange<T extends HTMLElement>(key: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the trigger.
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [key]);
  return ref;
}
