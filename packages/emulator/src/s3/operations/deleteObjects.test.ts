/*
 * DeleteObjects over real HTTP with many keys: the keys' deletes run side by side (a bounded
 * number at a time) rather than one after another, the result lists them in the request's order
 * whatever order they finished in, and one key named twice gets its two delete markers in turn.
 */
import { DeleteObjectsCommand, ListObjectVersionsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useS3Harness } from '../__tests__/s3-suite.js';
import { BUCKET } from '../__tests__/stack-fixture.js';
import { ObjectStore } from '../storage/object-store.js';

const suite = useS3Harness();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('DeleteObjects', () => {
  it('deletes the keys side by side, at most 32 at a time, and reports them in request order', async () => {
    const keys = Array.from({ length: 100 }, (_, i) => `public/many/${String(i).padStart(3, '0')}.txt`);
    for (const Key of keys) await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: Key }));
    // Watch the store's real deletes: how many run at once, and make the first one finish last.
    const realDelete = ObjectStore.prototype.delete;
    let running = 0;
    let mostAtOnce = 0;
    vi.spyOn(ObjectStore.prototype, 'delete').mockImplementation(async function (
      this: ObjectStore,
      key,
      ifMatch,
    ) {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      try {
        if (key === keys[0]) await new Promise((resolve) => setTimeout(resolve, 200));
        return await realDelete.call(this, key, ifMatch);
      } finally {
        running -= 1;
      }
    });
    const out = await suite.s3.send(
      new DeleteObjectsCommand({
        Bucket: BUCKET,
        Delete: { Objects: [...keys, keys[1] as string].map((Key) => ({ Key })) },
      }),
    );
    expect(mostAtOnce).toBeGreaterThan(1);
    expect(mostAtOnce).toBeLessThanOrEqual(32);
    expect(out.Errors ?? []).toEqual([]);
    expect(out.Deleted?.map((d) => d.Key)).toEqual([...keys, keys[1]]);
    // The key named twice: two delete markers, the one reported second is the newest.
    const versions = await suite.s3.send(
      new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: keys[1] as string }),
    );
    const markers = versions.DeleteMarkers?.map((m) => [m.VersionId, m.IsLatest]);
    const reported = out.Deleted?.filter((d) => d.Key === keys[1]).map((d) => d.DeleteMarkerVersionId);
    expect(markers).toEqual([
      [reported?.[1], true],
      [reported?.[0], false],
    ]);
  });
});
