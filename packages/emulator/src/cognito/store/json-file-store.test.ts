/*
 * Unit tests for the JSON file store: round trip, coalesced saves, atomic replacement, corrupt
 * files, and a process killed (SIGKILL) between flushing the temporary file and renaming it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJsonFileStore, StateFileError } from './json-file-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-test-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('openJsonFileStore', () => {
  it('starts empty and reads back what it saved', async () => {
    const store = await openJsonFileStore(dir);
    expect(store.state.users).toEqual({});
    store.state.inbox.push({
      to: 'a@example.com',
      code: '123456',
      kind: 'signUp',
      sentAt: 'now',
      username: 'u',
    });
    await store.save();
    const reopened = await openJsonFileStore(dir);
    expect(reopened.state.inbox).toHaveLength(1);
  });

  it('coalesces saves made while a write runs, and every save sees its change on disk', async () => {
    const store = await openJsonFileStore(dir);
    const saves = Array.from({ length: 50 }, (_, i) => {
      store.state.identities[`id${i}`] = { identityId: `id${i}`, createdAt: i };
      return store.save().then(async () => {
        const onDisk = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8'));
        expect(onDisk.identities).toHaveProperty(`id${i}`);
      });
    });
    await Promise.all(saves);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('treats keys such as __proto__ as plain keys, before and after a restart', async () => {
    const proto = '__proto__';
    const store = await openJsonFileStore(dir);
    expect(store.state.users[proto]).toBeUndefined();
    expect(store.state.credentials.constructor).toBeUndefined();
    store.state.identities[proto] = { identityId: proto, createdAt: 1 };
    await store.save();
    const reopened = await openJsonFileStore(dir);
    expect(reopened.state.identities[proto]).toEqual({ identityId: proto, createdAt: 1 });
    expect(reopened.state.users[proto]).toBeUndefined();
  });

  it('refuses a corrupt state file with a StateFileError that keeps the cause', async () => {
    await writeFile(join(dir, 'state.json'), '{', 'utf8');
    const error = await openJsonFileStore(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateFileError);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('keeps the previous state when the process dies before the rename, and sweeps the temp file', async () => {
    const before = await openJsonFileStore(dir);
    before.state.identities.kept = { identityId: 'kept', createdAt: 1 };
    await before.save();

    const storeModule = fileURLToPath(new URL('./json-file-store.ts', import.meta.url));
    const script = join(dir, 'crash.mts');
    await writeFile(
      script,
      `import { openJsonFileStore } from ${JSON.stringify(storeModule)};
const store = await openJsonFileStore(${JSON.stringify(dir)}, {
  beforeRename: () => { process.kill(process.pid, 'SIGKILL'); return new Promise(() => {}); },
});
store.state.identities.lost = { identityId: 'lost', createdAt: 2 };
await store.save();
`,
    );
    const tsx = fileURLToPath(new URL('../../../../../node_modules/.bin/tsx', import.meta.url));
    const exit = await new Promise<string>((resolve, reject) => {
      const child = spawn(tsx, [script], { stdio: 'ignore' });
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve(signal ?? String(code)));
    });
    // tsx runs the script in a child of its own and exits with 128 + 9 when that child is killed.
    expect(['SIGKILL', '137']).toContain(exit);
    const leftovers = (await readdir(dir)).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toHaveLength(1);
    expect(JSON.parse(await readFile(join(dir, leftovers[0] ?? ''), 'utf8')).identities).toHaveProperty(
      'lost',
    );

    const after = await openJsonFileStore(dir);
    expect(Object.keys(after.state.identities)).toEqual(['kept']);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
