/* Asserts that an SDK v3 call failed with a given AWS error code (and, optionally, message). */
import { expect } from 'vitest';

/** Awaits `promise` and checks the error's `name` (the `__type`) and message. */
export async function expectAwsError(promise: Promise<unknown>, name: string, message?: string | RegExp) {
  const error = await promise.then(
    () => {
      throw new Error(`Expected ${name}, but the call succeeded`);
    },
    (caught: unknown) => caught as { name: string; message: string; $metadata?: { httpStatusCode?: number } },
  );
  expect(error.name).toBe(name);
  if (message instanceof RegExp) expect(error.message).toMatch(message);
  else if (message !== undefined) expect(error.message).toBe(message);
  return error;
}
