/*
 * The stack's allow/deny matrix (the one the IAM package evaluates directly) replayed over real
 * HTTP with the SDK: every request must get the same verdict from the emulator's S3 (Allow →
 * served; deny → 403 AccessDenied) and the decision the emulator reports must name it. The caller
 * is one identity and `{other}` a second one issued by the same pool, so the private-area cases
 * hold only if the emulator substitutes `${cognito-identity.amazonaws.com:sub}` per caller.
 */

import {
  agrees,
  CASES_WITHOUT_HTTP_FORM,
  HTTP_MATRIX,
  type MatrixIdentities,
  outcome,
} from '@auth-s3/stack-testing';
import { DeleteObjectsCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { useS3Harness } from './__tests__/s3-suite.js';
import { BUCKET, OTHER_ROLE_ARN } from './__tests__/stack-fixture.js';
import { createAuthorizer } from './authorize.js';

const suite = useS3Harness();

describe('authorization: the stack matrix over HTTP', () => {
  let identities: MatrixIdentities;
  beforeAll(() => {
    // A second identity of the pool: its id is real, its credentials are never used.
    identities = { own: suite.credentials.identityId, other: suite.h.issue().identityId };
  });

  it.each(HTTP_MATRIX.map((c) => [c.label, c] as const))('%s', async (_label, matrixCase) => {
    const before = suite.h.decisions.length;
    const result = await outcome(suite.s3, matrixCase.call(BUCKET, identities));
    expect(agrees(matrixCase.case, result), result).toBe(true);
    if (matrixCase.case.otherBucket) return;
    const decision = suite.h.decisions.slice(before).find((d) => d.action === matrixCase.case.action);
    expect(decision?.decision.endsWith('Deny') ? 'Deny' : decision?.decision).toBe(matrixCase.case.expected);
  });

  it('replays every case that has an HTTP form (all but object actions on the bucket ARN)', () => {
    expect(HTTP_MATRIX.length).toBeGreaterThanOrEqual(30);
    expect(CASES_WITHOUT_HTTP_FORM.every((c) => c.key === undefined && /Object$/.test(c.action))).toBe(true);
  });

  it('authorizes each key of DeleteObjects on its own', async () => {
    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/del.txt', Body: 'x' }));
    const out = await suite.s3.send(
      new DeleteObjectsCommand({
        Bucket: BUCKET,
        Delete: { Objects: [{ Key: 'public/del.txt' }, { Key: 'private/del.txt' }] },
      }),
    );
    expect(out.Deleted?.map((d) => d.Key)).toEqual(['public/del.txt']);
    expect(out.Errors?.map((e) => [e.Key, e.Code])).toEqual([['private/del.txt', 'AccessDenied']]);
  });

  it('denies everything to a role without S3 policies', async () => {
    const other = suite.h.client(suite.h.issue({ roleArn: OTHER_ROLE_ARN }));
    expect(await outcome(other, new GetObjectCommand({ Bucket: BUCKET, Key: 'public/a.txt' }))).toBe(
      'AccessDenied',
    );
    other.destroy();
  });

  it('reports decisions with the statement that made them', async () => {
    await suite.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/why.txt', Body: 'x' }));
    const last = suite.h.decisions.at(-1);
    expect(last).toMatchObject({
      method: 'PUT',
      key: 'public/why.txt',
      action: 's3:PutObject',
      decision: 'Allow',
    });
    expect(last?.summary).toContain('AuthenticatedRole/DefaultPolicy');
  });
});

describe('createAuthorizer', () => {
  it('prints each decision when logDecisions is on, without credentials', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const credentials = suite.h.issue();
      const authz = createAuthorizer(
        { model: suite.h.model, clock: suite.h.clock, logDecisions: true },
        credentials,
        'GET',
      );
      expect(authz.allows({ action: 's3:GetObject', key: 'private/x' })).toBe(false);
      const line = String(log.mock.calls.at(-1)?.[0]);
      expect(line).toContain('GET ImplicitDeny s3:GetObject');
      expect(line).not.toContain(credentials.secretAccessKey);
      expect(line).not.toContain(credentials.sessionToken);
    } finally {
      log.mockRestore();
    }
  });
});
