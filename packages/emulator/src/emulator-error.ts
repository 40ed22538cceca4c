/*
 * The emulator's error family. Everything it throws on purpose derives from `EmulatorError`, whose
 * `type` is the code AWS would send and `status` its HTTP status. Two branches go over the wire,
 * each in its service's encoding: `CognitoError` (`cognito/errors.ts`, JSON 1.1 `__type`) and
 * `S3Error` (`s3/errors.ts`, XML `<Error><Code>`). The rest stop the emulator before it serves
 * anything and are never sent: `TemplateError` (`template/errors.ts`), `DataDirLockedError`
 * (`data-dir-lock.ts`) and `StateFileError` (`cognito/store/json-file-store.ts`). A service
 * answers any other throwable as its internal error.
 */

/** Base of every error the emulator throws on purpose. `type` is the wire code (`__type`, `<Code>`). */
export abstract class EmulatorError extends Error {
  abstract readonly type: string;
  /** HTTP status AWS uses for this error. */
  readonly status: number = 400;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
