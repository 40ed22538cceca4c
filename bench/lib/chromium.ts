/*
/*
 * The system Chromium for the entries that drive the web app, found as the browser tests find it
 * (`@auth-s3/browser-testing`: CHROMIUM_PATH, then the usual Debian/Ubuntu paths). Without one, an
 * entry is not available rather than failed. Also the CPU time of every Chromium process this bench
 * started (browser, renderers, network service, GPU), read from /proc, for client CPU per MiB.
 */
import { readdir, readFile } from 'node:fs/promises';
import { findChromium } from '@auth-s3/browser-testing';
import { NotAvailableError } from './errors.ts';
import { processCpuMilliseconds } from './processes.ts';

export { CHROMIUM_ARGS } from '@auth-s3/browser-testing';

/** Chromium's executable path, or NotAvailableError saying how to install it. */
export function benchChromium(): string {
  try {
    return findChromium();
  } catch (cause) {
    throw new NotAvailableError(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** A Chromium process's CPU time so far (user + system, ms) and its kind: browser, renderer, network, gpu, … */
export interface ChromiumProcessCpu {
  kind: string;
  ms: number;
}

/**
 * Every live Chromium process descended from this one, by pid, with its CPU time so far. Linux
 * only (/proc); a process that exits between two readings takes its time with it.
 */
export async function chromiumCpuByPid(): Promise<Map<number, ChromiumProcessCpu>> {
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
  const cpu = new Map<number, ChromiumProcessCpu>();
  for (const [pid, { chromium }] of parents) {
    if (!chromium || !descends(pid)) continue;
    try {
      const ms = await processCpuMilliseconds(pid);
      cpu.set(pid, { kind: processKind(await readFile(`/proc/${pid}/cmdline`, 'utf8')), ms });
    } catch {
      // Exited since.
    }
  }
  return cpu;
}

/** `--type=renderer` → renderer; the network service's utility process → network; none → browser. */
function processKind(cmdline: string): string {
  // Child processes rewrite their title: one string of space-separated arguments, not NUL-separated.
  const args = cmdline.split(/[\0 ]/);
  const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length);
  if (type === undefined) return 'browser';
  if (type === 'utility') {
    const sub = args
      .find((a) => a.startsWith('--utility-sub-type='))
      ?.split('.')[0]
      ?.split('=')[1];
    return sub === 'network' ? 'network' : `utility ${sub ?? ''}`.trim();
  }
  return type === 'gpu-process' ? 'gpu' : type;
}

/**
 * CPU time (ms) Chromium's processes used between `before` (from {@link chromiumCpuByPid}) and
 * now, in all and by kind of process.
 */
export async function chromiumCpuSince(
  before: Map<number, ChromiumProcessCpu>,
): Promise<{ total: number; byKind: Record<string, number> }> {
  const byKind: Record<string, number> = {};
  let total = 0;
  for (const [pid, { kind, ms }] of await chromiumCpuByPid()) {
    const used = ms - (before.get(pid)?.ms ?? 0);
    total += used;
    byKind[kind] = (byKind[kind] ?? 0) + used;
  }
  return { total, byKind };
}
