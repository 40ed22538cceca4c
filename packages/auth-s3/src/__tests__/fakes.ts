/*
 * Builders for unit tests: unsigned JWTs with the claims Cognito puts in an id token, a manual
 * clock, and a logger that records what it was told (to count AWS requests).
 */
import type { Clock, Logger } from '../types.js';

export function fakeJwt(claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', kid: 'test' })}.${encode(claims)}.sig`;
}

export function fakeIdToken(sub = 'sub-1', email = 'ada@example.com'): string {
  return fakeJwt({ sub, email, email_verified: true, 'cognito:username': sub, token_use: 'id' });
}

export class TestClock implements Clock {
  constructor(public current = Date.UTC(2026, 10, 26, 10, 0, 0)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export class RecordingLogger implements Logger {
  readonly entries: Array<{ level: 'debug' | 'warn'; message: string; data?: Record<string, unknown> }> = [];
  debug(message: string, data?: Record<string, unknown>): void {
    this.entries.push({ level: 'debug', message, data });
  }
  warn(message: string, data?: Record<string, unknown>): void {
    this.entries.push({ level: 'warn', message, data });
  }
  /** `service:Operation` for every AWS HTTP attempt, in order. */
  requests(): string[] {
    return this.entries
      .filter((entry) => entry.message === 'aws request')
      .map((entry) => `${entry.data?.service}:${entry.data?.operation}`);
  }
  clear(): void {
    this.entries.length = 0;
  }
}
