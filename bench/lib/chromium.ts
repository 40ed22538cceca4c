/*
 * The system Chromium for the entries that drive the web app, found as the browser tests find it
 * (`@auth-s3/browser-testing`: CHROMIUM_PATH, then the usual Debian/Ubuntu paths). Without one, an
 * entry is not available rather than failed.
 */
import { findChromium } from '@auth-s3/browser-testing';
import { NotAvailableError } from './errors.ts';

export { CHROMIUM_ARGS } from '@auth-s3/browser-testing';

/** Chromium's executable path, or NotAvailableError saying how to install it. */
export function benchChromium(): string {
  try {
    return findChromium();
  } catch (cause) {
    throw new NotAvailableError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}
