/*
 * The shape of one benchmark entry (one file in `bench/entries/`, named for what it measures) and
 * the context the runner hands it: where the repository and the scratch directory are, a logger
 * for progress, and `record`/`detail` to report figures and supporting numbers as they come.
 */
import type { FigureSpec, Measurement } from './figures.ts';

/** What the runner gives each entry. */
export interface BenchContext {
  /** Absolute path of the repository root. */
  repoRoot: string;
  /** A fresh scratch directory for this entry (git-ignored, under `bench/results/tmp/`). */
  tmpDir: string;
  /** Progress line on stderr, prefixed with the entry's name. */
  log(message: string): void;
  /** Reports (part of) the measurement of one declared figure; later calls add to earlier ones. */
  record(figureId: string, measurement: Measurement): void;
  /** Supporting numbers kept in `latest.json` and shown under the table in `latest.md`. */
  detail(title: string, markdown: string, data: unknown): void;
}

/** One benchmark entry. */
export interface BenchEntry {
  /** The name that selects it on the command line: `pnpm bench srp`. */
  name: string;
  /** One line on what it measures. */
  description: string;
  /** Every row it reports; a row it never records is "not available". */
  figures: FigureSpec[];
  /** Measures. Throw `NotAvailableError` when the subject is not built yet. */
  run(context: BenchContext): Promise<void>;
}
