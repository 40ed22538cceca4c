/*
 * Turns whatever a library call threw into words for the screen. The library's errors already say
 * what happened and what to do; a few get wording that fits a person rather than a developer, and
 * anything unexpected (a bug, a browser quirk) still gets a sentence, never a blank or a stack trace.
 * Checks use `instanceof`: class names do not survive minification.
 */
import { AbortedError, AccessDeniedError, AuthS3Error, NetworkError, NotFoundError } from 'auth-s3/errors';

/** One or two sentences for the user. */
export function describeError(error: unknown): string {
  if (error instanceof AccessDeniedError) {
    return 'You do not have permission to do that here. Ask an administrator if you need access.';
  }
  if (error instanceof NotFoundError) return 'It is not there any more. Refresh to see the current files.';
  if (error instanceof AbortedError) return 'Cancelled.';
  if (error instanceof NetworkError) {
    return 'The server could not be reached. Check your connection (or that the emulator is running) and try again.';
  }
  if (error instanceof AuthS3Error) return error.message;
  if (error instanceof DOMException && error.name === 'AbortError') return 'Cancelled.';
  return 'Something went wrong. Try again; if it keeps happening, reload the page.';
}
