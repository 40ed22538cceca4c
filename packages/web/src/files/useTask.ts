/*
 * `useTask()`: the one long action of the files view at a time (a bulk delete, a folder move, a
 * copy between areas) with its progress and, where the library honours an AbortSignal, a Cancel.
 */
import type { BatchProgress } from 'auth-s3';
import { useCallback, useRef, useState } from 'react';

/** What is running: e.g. "Moving 3 items", 120 of 1,000 files done. */
export interface TaskState {
  label: string;
  done: number;
  /** 0 while the total is not known yet. */
  total: number;
  cancelling: boolean;
}

/** The running task and its runner. */
export interface Task {
  current: TaskState | null;
  /**
   * Runs `fn` as the task named `label`, unless one is running (then resolves `undefined`).
   * `fn` gets the signal to pass on and a progress callback.
   */
  run<T>(
    label: string,
    fn: (signal: AbortSignal, onProgress: (progress: BatchProgress) => void) => Promise<T>,
  ): Promise<T | undefined>;
  cancel(): void;
}

/** See {@link Task}. */
export function useTask(): Task {
  const [current, setCurrent] = useState<TaskState | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback<Task['run']>(async (label, fn) => {
    if (controller.current) return undefined;
    const abort = new AbortController();
    controller.current = abort;
    setCurrent({ label, done: 0, total: 0, cancelling: false });
    try {
      return await fn(abort.signal, ({ done, total }) => setCurrent((s) => (s ? { ...s, done, total } : s)));
    } finally {
      controller.current = null;
      setCurrent(null);
    }
  }, []);

  const cancel = useCallback(() => {
    if (!controller.current || controller.current.signal.aborted) return;
    setCurrent((s) => (s ? { ...s, cancelling: true } : s));
    controller.current.abort();
  }, []);

  return { current, run, cancel };
}
