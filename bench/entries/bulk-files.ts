/*
 * Many files at once, against the emulator: deleting 1,000 files through auth-s3's
 * `files.removeMany` (DeleteObjects, up to 1,000 keys a request) beside one DeleteObject per key
 * (SDK v3, 8 in flight); and moving a folder of 1,000 small files through `files.move` (one
 * CopyObject per file, 8 in flight, then the sources in one DeleteObjects) beside CopyObject +
 * DeleteObject per file (8 in flight). Requests are counted as sent: the library's own request log
 * (its `logger`) for ours, each `send` for the baseline. Rounds are interleaved, each on freshly
 * seeded folders.
 */
import { CopyObjectCommand, DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  benchPassword,
  createConfirmedUser,
  emulatorS3,
  identityPoolCredentials,
  signInWithoutLibrary,
  withEmulator,
} from '../lib/emulator.ts';
import type { BenchEntry } from '../lib/entry.ts';
import { SetupError } from '../lib/errors.ts';
import { type AuthS3, configFromOutputs, loadCreateAuthS3 } from '../lib/library.ts';
import { countObjects, seedObjects } from '../lib/seed-objects.ts';
import { interleave, median, wallMilliseconds } from '../lib/stats.ts';

const FILES = 1000;
const ROUNDS = 3;
/** Requests in flight for the per-key baselines, as a careful app would send them. */
const BASELINE_CONCURRENCY = 8;

/** `count` file names under `folder` (relative to `public/`). */
function names(folder: string): string[] {
  return Array.from({ length: FILES }, (_, i) => `${folder}file-${String(i).padStart(4, '0')}.txt`);
}

/** Runs `work` on each item, `BASELINE_CONCURRENCY` at a time. */
async function eachInParallel<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: BASELINE_CONCURRENCY }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

async function expectCount(s3: S3Client, bucket: string, prefix: string, expected: number, what: string) {
  const count = await countObjects(s3, bucket, prefix);
  if (count !== expected)
    throw new SetupError(`${what}: ${count} objects under ${prefix}, expected ${expected}`);
}

/** The `bulk` entry. */
export const bulkFiles: BenchEntry = {
  name: 'bulk',
  description: 'delete 1,000 files and move a folder of 1,000 through auth-s3 beside one request per key',
  figures: [
    {
      id: 'delete-time',
      label: 'delete 1,000 files',
      unit: 'ms',
      baselineLabel: 'DeleteObject per key, 8 in flight',
      budgets: [{ kind: 'ratio-max', value: 1 }],
    },
    {
      id: 'delete-requests',
      label: 'delete 1,000 files: S3 requests',
      unit: 'requests',
      baselineLabel: 'DeleteObject per key',
      budgets: [{ kind: 'max', value: 1 }],
    },
    {
      id: 'move-time',
      label: 'move a folder of 1,000 small files',
      unit: 'ms',
      baselineLabel: 'CopyObject + DeleteObject per file, 8 in flight',
      budgets: [],
    },
    {
      id: 'move-requests-per-file',
      label: 'move a folder of 1,000 small files: S3 requests per file',
      unit: 'requests',
      baselineLabel: 'CopyObject + DeleteObject per file',
      budgets: [{ kind: 'max', value: 1.01 }],
    },
  ],
  async run(context) {
    await withEmulator(context, async (emulator) => {
      const email = 'bulk@bench.example';
      await createConfirmedUser(emulator, email);
      const s3 = emulatorS3(
        emulator,
        identityPoolCredentials(emulator, await signInWithoutLibrary(emulator, email)),
      );
      const bucket = emulator.outputs.BucketName;
      let round = 0;
      const seed = async (label: string) => {
        const folder = `bench-bulk/${label}-${round++}/`;
        await seedObjects(
          s3,
          bucket,
          names(folder).map((name) => `public/${name}`),
        );
        return folder;
      };

      // The baselines alone first, so their figures are there even when auth-s3 cannot load.
      let baselineRequests = 0;
      const baselineDelete = async () => {
        const folder = await seed('baseline-delete');
        const ms = await wallMilliseconds(() =>
          eachInParallel(names(folder), async (name) => {
            baselineRequests++;
            await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: `public/${name}` }));
          }),
        );
        await expectCount(s3, bucket, `public/${folder}`, 0, 'DeleteObject per key');
        return ms;
      };
      const baselineMove = async () => {
        const folder = await seed('baseline-move');
        const to = `bench-bulk/baseline-moved-${round++}/`;
        const ms = await wallMilliseconds(() =>
          eachInParallel(names(folder), async (name) => {
            const key = `public/${name}`;
            baselineRequests += 2;
            await s3.send(
              new CopyObjectCommand({
                Bucket: bucket,
                Key: `public/${to}${name.slice(folder.length)}`,
                CopySource: `${bucket}/${key}`,
              }),
            );
            await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
          }),
        );
        await expectCount(s3, bucket, `public/${to}`, FILES, 'CopyObject + DeleteObject per file');
        await expectCount(s3, bucket, `public/${folder}`, 0, 'CopyObject + DeleteObject per file');
        return ms;
      };
      baselineRequests = 0;
      context.record('delete-time', { baseline: await baselineDelete() });
      context.record('delete-requests', { baseline: baselineRequests });
      baselineRequests = 0;
      context.record('move-time', { baseline: await baselineMove() });
      context.record('move-requests-per-file', { baseline: baselineRequests / FILES });

      const createAuthS3 = await loadCreateAuthS3();
      let s3Requests = 0;
      const lib: AuthS3 = createAuthS3(configFromOutputs(emulator.outputs), {
        storage: 'memory',
        logger: {
          debug: (message, data) => {
            if (message === 'aws request' && data?.service === 's3') s3Requests++;
          },
          warn: () => {},
        },
      });
      await lib.auth.signIn(email, benchPassword);
      await lib.files.list(); // credentials and connections, untimed

      const requests = { delete: [] as number[], move: [] as number[] };
      const oursDelete = async () => {
        const folder = await seed('ours-delete');
        s3Requests = 0;
        const ms = await wallMilliseconds(async () => {
          const result = await lib.files.removeMany(names(folder));
          if (result.failed.length > 0)
            throw new SetupError(`removeMany failed for ${result.failed.length} files`);
        });
        requests.delete.push(s3Requests);
        await expectCount(s3, bucket, `public/${folder}`, 0, 'files.removeMany');
        return ms;
      };
      const oursMove = async () => {
        const folder = await seed('ours-move');
        const to = `bench-bulk/ours-moved-${round++}/`;
        s3Requests = 0;
        const ms = await wallMilliseconds(() => lib.files.move(folder, to));
        requests.move.push(s3Requests);
        await expectCount(s3, bucket, `public/${to}`, FILES, 'files.move');
        await expectCount(s3, bucket, `public/${folder}`, 0, 'files.move');
        return ms;
      };

      context.log('delete 1,000 files: removeMany beside DeleteObject per key');
      const deletes = await interleave(ROUNDS, oursDelete, baselineDelete);
      context.record('delete-time', {
        ours: median(deletes.ours),
        baseline: median(deletes.baseline),
        note: `median of ${ROUNDS}, interleaved, each on a freshly seeded folder`,
      });
      context.record('delete-requests', { ours: median(requests.delete), baseline: FILES });

      context.log('move a folder of 1,000 files: files.move beside CopyObject + DeleteObject per file');
      const moves = await interleave(ROUNDS, oursMove, baselineMove);
      context.record('move-time', {
        ours: median(moves.ours),
        baseline: median(moves.baseline),
        note: `median of ${ROUNDS}, interleaved; auth-s3 lists the source and the destination (the clash check), copies 8 at a time, then one DeleteObjects`,
      });
      context.record('move-requests-per-file', {
        ours: median(requests.move) / FILES,
        baseline: 2,
        note: `auth-s3 sent ${median(requests.move)} S3 requests for ${FILES} files`,
      });
      context.detail('bulk samples (ms) and requests', JSON.stringify({ deletes, moves, requests }), {
        deletes,
        moves,
        requests,
      });
      s3.destroy();
    });
  },
};
