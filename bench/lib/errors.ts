/*
 * Errors of the benchmark harness. `NotAvailableError` marks a subject that is not built yet (the
 * library, the emulator, the web app): its figures are reported as "not available" and count as
 * misses. Anything else an entry throws is a failure of that entry, reported with its message.
 */

/** Base of every error the harness raises on purpose. */
export abstract class BenchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The thing an entry measures does not exist yet, or lacks the API the entry drives. */
export class NotAvailableError extends BenchError {}

/** A child process, build or setup step the entry depends on failed. */
export class SetupError extends BenchError {}
