/*
 * A missing object is NotFoundError even where S3 answers 403: S3 answers a read of a missing key
 * with 404 only to a caller it lets list that key (S3 API Reference, HeadObject, "Permissions").
 * The emulator serves a stack whose role may list `public/` only with at most 1000 keys per page
 * (`s3:max-keys`), a condition S3's own ListBucket check for a missing key cannot meet (that
 * request carries no max-keys), so HeadObject of a missing key is 403 here, as it is on AWS for
 * any role that may read a key but not list it; the library lists exactly that key to tell
 * "missing" from "denied".
 */
import type { StackModel } from '@auth-s3/emulator';
import { testStackModel } from '@auth-s3/emulator/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingLogger } from '../src/__tests__/fakes.js';
import { createAuthS3 } from '../src/create-auth-s3.js';
import { NotFoundError } from '../src/errors.js';
import { memoryStorage } from '../src/token-storage.js';
import { type JourneyTarget, startTarget } from './journey-target.js';

const PASSWORD = 'Corr3ct-horse!';

/** The stack model with every s3:ListBucket grant also conditioned on `s3:max-keys` ≤ 1000. */
function modelListingAtMost1000Keys(): StackModel {
  const model = testStackModel();
  for (const role of model.roles) {
    for (const policy of role.policies) {
      for (const statement of [policy.document.Statement].flat()) {
        const actions = Array.isArray(statement.Action) ? statement.Action : [statement.Action];
        if (!actions.includes('s3:ListBucket')) continue;
        statement.Condition = { ...statement.Condition, NumericLessThanEquals: { 's3:max-keys': '1000' } };
      }
    }
  }
  return model;
}

let target: JourneyTarget;
let email: string;
const storage = memoryStorage();
const library = () => {
  const logger = new RecordingLogger();
  return { ...createAuthS3(target.config, { storage, clock: target.clock, logger }), logger };
};

// Emulator only: the stack model is changed on purpose.
beforeAll(async () => {
  target = await startTarget({ model: modelListingAtMost1000Keys() });
  email = await target.createUser('missing-object', PASSWORD);
  await library().auth.signIn(email, PASSWORD);
});
afterAll(() => target?.stop());

describe('files.head of a missing object where S3 answers 403', () => {
  it('throws NotFoundError after listing exactly that key', async () => {
    const { files, logger } = library();
    await files.upload('here', 'notes/here.txt');
    logger.clear();
    const missing = files.head('notes/gone.txt');
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(missing).rejects.toMatchObject({ cause: { name: 'AccessDeniedError' } });
    // S3 answered the HEAD with 403 (else no listing would follow), and the listing told it apart.
    expect(logger.requests()).toEqual(['s3:HeadObjectCommand', 's3:ListObjectsV2Command']);
    // A key that only starts like an existing one is missing too; an existing key is still found.
    await expect(files.head('notes/her')).rejects.toBeInstanceOf(NotFoundError);
    expect((await files.head('notes/here.txt')).size).toBe(4);
  });
});
