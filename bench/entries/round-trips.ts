/*
 * Round trips: the built web app driven in headless Chromium against the emulator, counting the
 * AWS requests between a user's action and the first file list: sign-in → first list, a returning
 * user's sign-in (identity id cached) → first list, and a reload with a stored session → first list.
 */
import type { BenchEntry } from '../lib/entry.ts';
import { NotAvailableError } from '../lib/errors.ts';

/** The `round-trips` entry. */
export const roundTrips: BenchEntry = {
  name: 'round-trips',
  description: 'sequential AWS requests in the built app (Chromium + emulator) before the first list',
  figures: [
    {
      id: 'sign-in',
      label: 'requests: sign-in → first list',
      unit: 'requests',
      budgets: [{ kind: 'max', value: 5 }],
    },
    {
      id: 'returning',
      label: 'requests: returning user sign-in → first list',
      unit: 'requests',
      budgets: [{ kind: 'max', value: 4 }],
    },
    {
      id: 'reload',
      label: 'requests: reload → first list',
      unit: 'requests',
      budgets: [{ kind: 'max', value: 2 }],
    },
  ],
  async run() {
    throw new NotAvailableError('the web app is not built yet');
  },
};
