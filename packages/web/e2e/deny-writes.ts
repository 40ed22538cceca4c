/*
 * Narrows the emulated stack for the browser test: an explicit deny of writes under one prefix on the
 * authenticated role, so the journey can show how the app words a denied action. Real IAM evaluation
 * in the emulator does the denying.
 */
import type { StackModel } from '@auth-s3/emulator';
import { withAuthenticatedRolePolicy } from '@auth-s3/emulator/testing';

/** A copy of `model` whose authenticated role may not put or delete objects under `prefix`. */
export function denyWritesUnder(model: StackModel, prefix: string): StackModel {
  const roleArn = model.identityPool.authenticatedRoleArn;
  if (!roleArn || !model.roles.some((role) => role.arn === roleArn)) {
    throw new Error(
      'The stack model has no authenticated role to narrow; check the identity pool in infra/.',
    );
  }
  return withAuthenticatedRolePolicy(model, 'E2E/DenyWritesUnderArchive', [
    {
      Effect: 'Deny',
      Action: ['s3:PutObject', 's3:DeleteObject'],
      Resource: `${model.bucket.arn}/${prefix}*`,
    },
  ]);
}
