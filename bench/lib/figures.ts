/*
 * The vocabulary of a benchmark run: what an entry declares (its figures, each with a unit, an
 * optional baseline and its budgets), what it measures, and how a measurement is judged against
 * its budgets. A figure that could not be measured is "not available" with a reason, never a
 * made-up number, and counts as a miss.
 */

/** How a figure's value is written: `KiB`, `ms`, `/s`, `MiB`, `MiB/s`, `requests`. */
export type Unit = 'KiB' | 'MiB' | 'ms' | 'ms/MiB' | '/s' | 'MiB/s' | 'requests';

/**
 * A budget on a figure. `max`/`min` bound our value; `ratio-max`/`ratio-min` bound ours ÷ baseline.
 * `strict` makes the bound exclusive (`<` instead of `≤`).
 */
export type Budget =
  | { kind: 'max'; value: number; strict?: boolean }
  | { kind: 'min'; value: number; strict?: boolean }
  | { kind: 'ratio-max'; value: number; strict?: boolean }
  | { kind: 'ratio-min'; value: number; strict?: boolean };

/** One row of the table, as an entry declares it before measuring anything. */
export interface FigureSpec {
  /** Stable id inside the entry, e.g. `initial-brotli`. */
  id: string;
  /** What the row says, e.g. `sign-in screen initial load, JS+CSS brotli`. */
  label: string;
  unit: Unit;
  /** The alternative the figure is compared with, e.g. `aws-amplify Authenticator`; absent: none. */
  baselineLabel?: string;
  budgets: Budget[];
  /** Leave the ratio out (a baseline near zero makes it meaningless). */
  noRatio?: boolean;
}

/** What an entry reports for one figure; without `ours` (not built yet) the figure is not available. */
export interface Measurement {
  ours?: number;
  baseline?: number;
  /** Free text shown under the table, e.g. how many runs the median is of. */
  note?: string;
  /** Why `ours` could not be measured (a missing runtime, say), when the entry as a whole ran. */
  notAvailable?: string;
}

/** A figure after judging: measured (pass or miss) or not available. */
export interface FigureResult extends FigureSpec {
  entry: string;
  ours?: number;
  baseline?: number;
  ratio?: number;
  /** Set when the figure could not be measured: why, and what to do. */
  notAvailable?: string;
  note?: string;
  pass: boolean;
}

/** Judges a measurement against the figure's budgets; a figure without budgets always passes. */
export function judge(entry: string, spec: FigureSpec, measured: Measurement | undefined, reason?: string) {
  if (measured?.ours === undefined) {
    const result: FigureResult = {
      ...spec,
      entry,
      baseline: measured?.baseline,
      note: measured?.note,
      notAvailable: measured?.notAvailable ?? reason ?? 'not measured',
      pass: false,
    };
    return result;
  }
  const ratio =
    measured.baseline !== undefined && measured.baseline !== 0 && !spec.noRatio
      ? measured.ours / measured.baseline
      : undefined;
  const ours = measured.ours;
  const pass = spec.budgets.every((budget) => withinBudget(budget, ours, ratio));
  const result: FigureResult = { ...spec, entry, ...measured, ours: measured.ours, ratio, pass };
  return result;
}

function withinBudget(budget: Budget, ours: number, ratio: number | undefined): boolean {
  const subject = budget.kind === 'max' || budget.kind === 'min' ? ours : ratio;
  // A ratio budget with no baseline to divide by cannot be met.
  if (subject === undefined || Number.isNaN(subject)) return false;
  const upper = budget.kind === 'max' || budget.kind === 'ratio-max';
  if (upper) return budget.strict ? subject < budget.value : subject <= budget.value;
  return budget.strict ? subject > budget.value : subject >= budget.value;
}

/** `≤ 95 KiB`, `< 0.5×`, `≥ 50 /s`. */
export function describeBudget(budget: Budget, unit: Unit): string {
  const upper = budget.kind === 'max' || budget.kind === 'ratio-max';
  const sign = upper ? (budget.strict ? '<' : '≤') : budget.strict ? '>' : '≥';
  const ratio = budget.kind === 'ratio-max' || budget.kind === 'ratio-min';
  return ratio ? `${sign} ${budget.value}×` : `${sign} ${formatValue(budget.value, unit)}`;
}

/** A value with its unit, rounded for reading: `94.2 KiB`, `812 ms`, `63.4 /s`. */
export function formatValue(value: number, unit: Unit): string {
  const digits = Math.abs(value) >= 100 || unit === 'requests' || Number.isInteger(value) ? 0 : 1;
  const number = value.toFixed(digits);
  return unit === 'requests' ? number : `${number} ${unit}`;
}
