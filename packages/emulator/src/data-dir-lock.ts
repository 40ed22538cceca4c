/*
 * One emulator per data dir. Two emulators on one directory each overwrite the other's
 * `state.json` and the second clears the first's upload scratch space, so the emulator takes
 * `emulator.lock` in the data dir before touching anything else there. The lock appears
 * atomically with its content — written to a temporary file, then hard-linked into place, which
 * fails if a lock is already there (`wx` semantics with no moment where the file is empty) — and
 * holds the pid, host and start time. A lock whose process is gone (kill -9, a crash) is stale and
 * taken over; a live one refuses the start with `DataDirLockedError` naming the pid. The lock is
 * removed on `stop()` and, should the process exit without stopping, by an exit hook.
 */
import { randomUUID } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { EmulatorError } from './emulator-error.js';

const LOCK_FILE = 'emulator.lock';

/** What a lock file holds. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the owner took the lock. */
  startedAt: string;
  /** Tells this lock from a later one taken by a process that got the same pid. */
  token: string;
}

/**
 * Another live process holds the data dir. Never sent over the wire: `startEmulator` rejects
 * with it and the CLI prints the message.
 */
export class DataDirLockedError extends EmulatorError {
  readonly type = 'DataDirLocked';
  override readonly status = 500;
  /** The process that holds the directory. */
  readonly owner: LockOwner;
  readonly lockFile: string;
  constructor(dataDir: string, lockFile: string, owner: LockOwner) {
    const where = owner.host === hostname() ? '' : ` on host ${owner.host}`;
    super(
      `The data dir ${dataDir} is in use by another emulator: process ${owner.pid}${where}, running since ` +
        `${owner.startedAt} (lock file ${lockFile}). Stop that emulator first, or give this one another data dir ` +
        '(--data-dir). Two emulators on one directory overwrite each other’s state.',
    );
    this.owner = owner;
    this.lockFile = lockFile;
  }
}

/** A held lock. */
export interface DataDirLock {
  /** Removes the lock file (if it is still this lock's). Idempotent. */
  release(): Promise<void>;
}

/** Locks held by this process, removed by one exit hook should the process end without `stop()`. */
const held = new Map<string, string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const path of held.keys()) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    }
  });
}

/** Whether `pid` is a running process on this host (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string') return owner as LockOwner;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  }
  // Unreadable: not written by this code (the link makes a torn lock impossible); nobody owns it.
  return { pid: 0, host: hostname(), startedAt: 'unknown', token: '' };
}

/** Stale when its process is gone; a lock from another host cannot be checked, so it holds. */
const isStale = (owner: LockOwner) => owner.host === hostname() && (owner.pid <= 0 || !isRunning(owner.pid));

/**
 * Takes the data dir's lock (creating the dir), taking over a stale one; rejects with
 * `DataDirLockedError` while another live process holds it — including another emulator in this
 * same process.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
    token: randomUUID(),
  };
  const content = `${JSON.stringify(owner)}\n`;
  await removeOrphanedTempFiles(dataDir);
  const temp = `${path}.${process.pid}.${owner.token}.tmp`;
  await writeFile(temp, content, { mode: 0o644 });
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await link(temp, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt === 5) throw error;
      }
      const current = await readOwner(path);
      if (current === undefined) continue; // released meanwhile
      if (!isStale(current)) throw new DataDirLockedError(dataDir, path, current);
      // Re-read just before removing, so a lock taken over meanwhile by a third process survives.
      const again = await readOwner(path);
      if (again !== undefined && again.token === current.token && again.pid === current.pid) {
        await rm(path, { force: true });
      }
    }
  } finally {
    await rm(temp, { force: true });
  }
  held.set(path, owner.token);
  installExitHook();
  return {
    async release() {
      if (held.get(path) !== owner.token) return;
      held.delete(path);
      const current = await readOwner(path);
      if (current?.token === owner.token) await unlink(path).catch(() => {});
    },
  };
}

/** Temporary files of a lock attempt whose process died between writing and removing them. */
async function removeOrphanedTempFiles(dataDir: string): Promise<void> {
  const pattern = new RegExp(`^${LOCK_FILE.replace('.', '\\.')}\\.(\\d+)\\.[\\w-]+\\.tmp$`);
  for (const name of await readdir(dataDir)) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid > 0 && !isRunning(pid)) await rm(join(dataDir, name), { force: true });
  }
}
