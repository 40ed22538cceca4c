/*
 * Listing: 10,000 objects, seeded with SDK v3 PutObject against the emulator, listed in full
 * through auth-s3's `files.listAll` beside a raw ListObjectsV2 pagination loop with the same
 * credentials' role, interleaved. Both sides must see every object.
 */
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
import { configFromOutputs, loadCreateAuthS3 } from '../lib/library.ts';
import { countObjects, seedObjects } from '../lib/seed-objects.ts';
import { interleave, median, wallMilliseconds } from '../lib/stats.ts';

const OBJECTS = 10_000;
const ROUNDS = 5;
const FOLDER = 'bench-list/';

function expectAll(count: number, who: string): void {
  if (count !== OBJECTS) throw new SetupError(`${who} listed ${count} objects, expected ${OBJECTS}`);
}

/** The `listing` entry. */
export const listing: BenchEntry = {
  name: 'listing',
  description: '10,000 objects listed through auth-s3 listAll beside raw ListObjectsV2 pagination',
  figures: [
    {
      id: 'list-10k',
      label: 'list 10,000 objects (all pages)',
      unit: 'ms',
      baselineLabel: 'raw ListObjectsV2 pagination',
      budgets: [{ kind: 'ratio-max', value: 1.5 }],
    },
  ],
  async run(context) {
    await withEmulator(context, async (emulator) => {
      const email = 'listing@bench.example';
      await createConfirmedUser(emulator, email);
      const idToken = await signInWithoutLibrary(emulator, email);
      const s3 = emulatorS3(emulator, identityPoolCredentials(emulator, idToken));
      const bucket = emulator.outputs.BucketName;
      const prefix = `public/${FOLDER}`;
      context.log(`seeding ${OBJECTS} objects`);
      const seedMs = await wallMilliseconds(() =>
        seedObjects(
          s3,
          bucket,
          Array.from(
            { length: OBJECTS },
            (_, index) => `${prefix}file-${String(index).padStart(5, '0')}.txt`,
          ),
        ),
      );
      context.log(`seeded in ${(seedMs / 1000).toFixed(1)} s`);
      // The baseline alone first, so its figure is there even when auth-s3 is not built yet.
      const rawOnly: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        rawOnly.push(
          await wallMilliseconds(async () =>
            expectAll(await countObjects(s3, bucket, prefix), 'ListObjectsV2'),
          ),
        );
      }
      context.record('list-10k', { baseline: median(rawOnly) });

      const createAuthS3 = await loadCreateAuthS3();
      const { auth, files } = createAuthS3(configFromOutputs(emulator.outputs), { storage: 'memory' });
      await auth.signIn(email, benchPassword);
      const libraryListAll = async () => {
        let count = 0;
        for await (const page of files.listAll({ path: FOLDER, delimiter: '' })) count += page.items.length;
        return count;
      };
      // Untimed first pass of each: credentials, connections.
      expectAll(await libraryListAll(), 'auth-s3 listAll');
      const samples = await interleave(
        ROUNDS,
        () => wallMilliseconds(async () => expectAll(await libraryListAll(), 'auth-s3 listAll')),
        () =>
          wallMilliseconds(async () => expectAll(await countObjects(s3, bucket, prefix), 'ListObjectsV2')),
      );
      context.record('list-10k', {
        ours: median(samples.ours),
        baseline: median(samples.baseline),
        note: `median of ${ROUNDS}, interleaved, 1000 keys a page; seeding took ${(seedMs / 1000).toFixed(1)} s`,
      });
      context.detail('listing samples (ms)', JSON.stringify(samples), samples);
      s3.destroy();
    });
  },
};
