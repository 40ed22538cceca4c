/*
 * Values coalesced to one hand-over per animation frame, keeping the latest per key. Upload
 * progress goes through it: the library reports once per part, several uploads run at once, and
 * each report would otherwise re-render the folder view (its table included) on the main thread
 * that also handles the uploads' responses. A frame is the most anyone can see; a hidden tab runs
 * no frames and so renders no progress at all. A final state never goes through the batch: the
 * caller applies it at once and `drop`s what is pending for that key.
 */

/** Runs a callback before the next paint; `cancel` undoes a pending request. */
export interface FrameScheduler {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

/** `requestAnimationFrame` where there is one, else a timer of about one frame. */
const animationFrames: FrameScheduler =
  typeof requestAnimationFrame === 'function'
    ? {
        request: (callback) => requestAnimationFrame(() => callback()),
        cancel: (handle) => cancelAnimationFrame(handle),
      }
    : {
        request: (callback) => setTimeout(callback, 16) as unknown as number,
        cancel: (handle) => clearTimeout(handle),
      };

/** See the file header. */
export interface FrameBatch<K, V> {
  /** Keeps `value` as `key`'s latest and asks for a frame if none is pending. */
  set(key: K, value: V): void;
  /** Forgets `key`'s pending value (its final state was applied directly). */
  drop(key: K): void;
  /** Forgets everything pending and the frame asked for (unmount); `set` works again after. */
  cancel(): void;
}

/** A batch that hands every pending value to `apply` once per frame of `scheduler`. */
export function frameBatch<K, V>(
  apply: (pending: ReadonlyMap<K, V>) => void,
  scheduler: FrameScheduler = animationFrames,
): FrameBatch<K, V> {
  let pending = new Map<K, V>();
  let frame: number | undefined;
  const run = () => {
    frame = undefined;
    const batch = pending;
    pending = new Map();
    if (batch.size > 0) apply(batch);
  };
  return {
    set(key, value) {
      pending.set(key, value);
      frame ??= scheduler.request(run);
    },
    drop(key) {
      pending.delete(key);
    },
    cancel() {
      if (frame !== undefined) scheduler.cancel(frame);
      frame = undefined;
      pending = new Map();
    },
  };
}
