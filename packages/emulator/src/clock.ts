/*
 * Time as the emulator sees it. Every expiry (codes, tokens, credentials, presigned URLs)
 * reads this clock, so tests can move time forward without waiting.
 */

export interface Clock {
  /** Milliseconds since the epoch, like `Date.now()`. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: `clock.advance(25 * 3600_000)`. */
export class ManualClock implements Clock {
  constructor(private current = Date.now()) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(ms: number): void {
    this.current = ms;
  }
}
