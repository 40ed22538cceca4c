/*
 * `useAction()`: runs one request at a time for a form, keeping its busy flag and its error in words.
 */
import { useCallback, useRef, useState } from 'react';
import { describeError } from '../errors/describe-error';

/** State and runner of a form's request. */
export interface Action {
  busy: boolean;
  error: string | null;
  setError(error: string | null): void;
  /** Runs `fn` unless one is running; a throw becomes `error` (and is passed to `onError` first). */
  run(fn: () => Promise<void>, onError?: (error: unknown) => boolean | Promise<boolean>): Promise<void>;
}

/** See {@link Action}. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const run = useCallback<Action['run']>(async (fn, onError) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (caught) {
      // `onError` returns true when it handled the error itself (e.g. moved to another screen).
      const handled = onError ? await onError(caught) : false;
      if (!handled) setError(describeError(caught));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
