/*
 * The system Chromium for the entries that drive the web app, found as the web's browser tests find
 * it (CHROMIUM_PATH, then the usual Debian/Ubuntu paths). Without one, an entry is not available
 * rather than failed. Also the CPU time of every Chromium process this bench started (browser,
 * renderers, network service, GPU), read from /proc, for client CPU per MiB.
 */
import { readdir, readFile } from 'node:fs/promises';
import { findChromium } from '@auth-s3/web/e2e/browser';
import { NotAvailableError } from './errors.ts';
import { processCpuMilliseconds } from './processes.ts';

export { CHROMIUM_ARGS } from '@auth-s3/web/e2e/browser';

/** Chromium's executable path, or NotAvailableError saying how to install it. */
export function benchChromium(): string {
  try {
    return findChromium();
  } catch (cause) {
    throw new NotAvailableError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/**
 * CPU time (user + system, ms) used so far by each live Chromium process descended from this one,
 * by pid. Linux only (/proc); a process that exits between two readings takes its time with it.
 */
export async function chromiumCpuByPid(): Promise<Map<number, number>> {
  const parents = new Map<number, { ppid: number; chromium: boolean }>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // After the command: state, then ppid.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), { ppid, chromium: /chrom/i.test(command) });
    } catch {
      // Exited while we listed.
    }
  }
  const descends = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined; at = parents.get(at.ppid)) {
      if (at.ppid === process.pid) return true;
    }
    return false;
  };
  const cpu = new Map<number, number>();
  for (const [pid, { chromium }] of parents) {
    if (!chromium || !descends(pid)) continue;
    try {
      cpu.set(pid, await processCpuMilliseconds(pid));
    } catch {
      // Exited since.
    }
  }
  return cpu;
}

/** CPU time (ms) Chromium's processes used between `before` (from {@link chromiumCpuByPid}) and now. */
export async function chromiumCpuSince(before: Map<number, number>): Promise<number> {
  let used = 0;
  for (const [pid, now] of await chromiumCpuByPid()) used += now - (before.get(pid) ?? 0);
  return used;
}
