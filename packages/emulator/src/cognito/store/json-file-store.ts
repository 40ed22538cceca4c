/*
 * Keeps the emulator's state in memory and on disk as one JSON file in the data dir. Every
 * write goes to a temporary file that is flushed and then renamed over the old one, so a crash
 * leaves either the previous state or the new one, never half of each. Saves requested while a
 * write is running are coalesced into the next write, so a burst of sign-ins costs few writes.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EmulatorError } from '../../emulator-error.js';
import { type AtomicWriteFaults, sweepTempFiles, writeFileAtomic } from './atomic-write.js';
import { type EmulatorState, emptyState, normalizeState } from './state.js';

/** The state every service reads and changes in place, and a way to persist it. */
export interface StateStore {
  readonly state: EmulatorState;
  /** Resolves once a write that includes every change made before the call is on disk. */
  save(): Promise<void>;
  /** Waits for pending writes. */
  close(): Promise<void>;
}

/**
 * Failure to read or write the state file; `cause` has the file-system error. Never sent: a start
 * fails with it, and an operation that cannot save answers InternalErrorException.
 */
export class StateFileError extends EmulatorError {
  readonly type = 'StateFileError';
  override readonly status = 500;
}

const STATE_FILE = 'state.json';

/**
 * Opens (or creates) the state in `dataDir`, first removing temporary files a crash left behind.
 * A state file that is not valid JSON is an error naming the file, rather than silently starting
 * empty. `faults` simulate crashes in tests.
 */
export async function openJsonFileStore(dataDir: string, faults?: AtomicWriteFaults): Promise<StateStore> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, STATE_FILE);
  await sweepTempFiles(path);
  let state: EmulatorState;
  try {
    state = normalizeState(JSON.parse(await readFile(path, 'utf8')) as Partial<EmulatorState>);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      state = emptyState();
    } else {
      throw new StateFileError(`Cannot read ${path}; delete it to start with an empty emulator`, {
        cause: error,
      });
    }
  }
  return new JsonFileStore(path, state, faults);
}

/** A store that never touches the disk, for unit tests. */
export function memoryStore(state: EmulatorState = emptyState()): StateStore {
  return { state, save: async () => {}, close: async () => {} };
}

class JsonFileStore implements StateStore {
  private writing: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;

  constructor(
    private readonly path: string,
    readonly state: EmulatorState,
    private readonly faults: AtomicWriteFaults = {},
  ) {}

  save(): Promise<void> {
    if (this.queued) return this.queued;
    const queued = this.writing.then(() => {
      // From here on, new changes need another write: this one snapshots the state now.
      this.queued = undefined;
      return this.write(JSON.stringify(this.state));
    });
    this.queued = queued;
    this.writing = queued.catch(() => {});
    return queued;
  }

  async close(): Promise<void> {
    await this.writing;
  }

  private async write(json: string): Promise<void> {
    try {
      await writeFileAtomic(this.path, json, 0o600, this.faults);
    } catch (error) {
      throw new StateFileError(`Cannot write ${this.path}; check that the data dir is writable`, {
        cause: error,
      });
    }
  }
}
