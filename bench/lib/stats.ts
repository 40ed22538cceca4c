/*
 * Small statistics for noisy machines: medians, and running two contenders interleaved (A, B, B,
 * A, …) so drift in the machine's load falls on both sides alike.
 */

/** The median of a non-empty list. */
export function median(values: number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

/**
 * Runs `ours` and `baseline` `rounds` times each, alternating which goes first, and returns each
 * side's samples (a time, or a whole report) in run order. Each call gets its round, from 0.
 */
export async function interleave<O = number, B = O>(
  rounds: number,
  ours: (round: number) => Promise<O> | O,
  baseline: (round: number) => Promise<B> | B,
): Promise<{ ours: O[]; baseline: B[] }> {
  const samples = { ours: [] as O[], baseline: [] as B[] };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      samples.ours.push(await ours(round));
      samples.baseline.push(await baseline(round));
    } else {
      samples.baseline.push(await baseline(round));
      samples.ours.push(await ours(round));
    }
  }
  return samples;
}

/** CPU time (user + system) spent by this process in `work`, in milliseconds. */
export async function cpuMilliseconds(work: () => Promise<unknown> | unknown): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Wall time of `work`, in milliseconds. */
export async function wallMilliseconds(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export const KiB = 1024;
export const MiB = 1024 * 1024;
