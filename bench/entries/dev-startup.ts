/*
 * `pnpm dev`: time from the command to the app's URL being printed, cold (template synthesized,
 * fresh emulator data, no Vite dependency cache) and warm (everything from the run before).
 */
import type { BenchEntry } from '../lib/entry.ts';
import { NotAvailableError } from '../lib/errors.ts';

/** The `dev` entry. */
export const devStartup: BenchEntry = {
  name: 'dev',
  description: 'pnpm dev time to ready, cold (with synth) and warm',
  figures: [
    { id: 'cold', label: 'pnpm dev to ready, cold (with synth)', unit: 'ms', budgets: [] },
    { id: 'warm', label: 'pnpm dev to ready, warm', unit: 'ms', budgets: [] },
  ],
  async run() {
    throw new NotAvailableError('packages/web has no dev script yet');
  },
};
