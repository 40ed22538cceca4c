/* Unit tests for the JSON file store: round trip, coalesced saves, atomic replacement, corrupt files. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
