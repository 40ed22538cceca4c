/*
 * A frame scheduler for tests: frames run when the test says so, and it counts what was asked.
 */
import type { FrameScheduler } from '../files/frame-batch';

/** Frames that run when the test says so. */
export function manualFrames(): FrameScheduler & { requested: number; runFrame(): void } {
  let next: (() => void) | undefined;
  const frames = {
    requested: 0,
    request(callback: () => void) {
      frames.requested++;
      next = callback;
      return frames.requested;
    },
    cancel() {
      next = undefined;
    },
    runFrame() {
      const callback = next;
      next = undefined;
      callback?.();
    },
  };
  return frames;
}
