/**
 * @vitest-environment node
 */
/*
 * Keeps the mirrored password rules honest: compares them with the user pool's policy in the
 * synthesized template (`pnpm synth`), read by the emulator's own template loader. Skipped only when
 * no template has been synthesized yet (the browser journey synthesizes one).
 */
import { existsSync } from 'node:fs';
import { loadStackModel, readTemplate } from '@auth-s3/emulator/template';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_PATH } from '../../scripts/dev-stack';
import { STACK_PASSWORD_POLICY } from './password-policy';

describe('STACK_PASSWORD_POLICY', () => {
  it.skipIf(!existsSync(TEMPLATE_PATH))('matches the user pool policy of the synthesized stack', async () => {
    const model = await loadStackModel(await readTemplate(TEMPLATE_PATH), {
      stackName: 'AuthS3Stack',
      region: 'us-east-1',
    });
    const { temporaryPasswordValidityDays: _, ...policy } = model.userPool.passwordPolicy;
    expect(STACK_PASSWORD_POLICY).toEqual(policy);
  });
});
