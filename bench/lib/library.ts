/*
 * auth-s3 as the benchmarks load it: `createAuthS3` at run time, so a library that cannot load makes
 * its figures "not available" instead of breaking the whole run. Typed by the library's public
 * contract. The emulator's outputs are read by the library's own parser (the one the app uses), so
 * the bench holds no second reading of the outputs file.
 */
import { STACK_NAME } from '@auth-s3/outputs';
import { type AuthS3, type AuthS3Config, type AuthS3Options, parseOutputs } from 'auth-s3';
import type { EmulatorOutputs } from './emulator.ts';
import { NotAvailableError } from './errors.ts';

export type { AuthS3, AuthS3Config };

/** `createAuthS3` from the `auth-s3` package. */
export type CreateAuthS3 = (config: AuthS3Config, options?: AuthS3Options) => AuthS3;

/** Loads `createAuthS3`; `NotAvailableError` when the library does not export it yet. */
export async function loadCreateAuthS3(): Promise<CreateAuthS3> {
  // A variable specifier keeps the type checker from requiring the module before it exists.
  const specifier = 'auth-s3';
  let library: { createAuthS3?: unknown };
  try {
    library = (await import(specifier)) as { createAuthS3?: unknown };
  } catch (cause) {
    throw new NotAvailableError(`auth-s3 cannot be loaded yet (${(cause as Error).message.split('\n')[0]})`, {
      cause,
    });
  }
  if (typeof library.createAuthS3 !== 'function') {
    throw new NotAvailableError('auth-s3 does not export createAuthS3 yet');
  }
  return library.createAuthS3 as CreateAuthS3;
}

/** The library's config for the emulator's outputs, read by the library's own (validating) parser. */
export function configFromOutputs(outputs: EmulatorOutputs): AuthS3Config {
  return parseOutputs({ [STACK_NAME]: outputs });
}
