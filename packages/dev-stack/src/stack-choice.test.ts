/* chooseStack: the one answer to "AWS or the emulator?". */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_OUTPUTS_FILE } from './repository.js';
import { chooseStack } from './stack-choice.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stack-choice-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('chooseStack', () => {
  it('chooses AWS when the cdk deploy outputs file exists', async () => {
    const awsOutputsFile = join(dir, 'aws-outputs.json');
    await writeFile(awsOutputsFile, '{}');
    expect(chooseStack({ awsOutputsFile })).toEqual({ mode: 'aws', outputsFile: awsOutputsFile });
  });

  it('chooses the emulator when asked, even with a cdk deploy outputs file', async () => {
    const awsOutputsFile = join(dir, 'aws-outputs.json');
    await writeFile(awsOutputsFile, '{}');
    const outputsFile = join(dir, 'local.json');
    expect(chooseStack({ awsOutputsFile, local: true, outputsFile })).toEqual({
      mode: 'emulator',
      outputsFile,
    });
  });

  it("chooses the emulator's file at packages/web when there is no cdk deploy outputs file", () => {
    expect(chooseStack({ awsOutputsFile: join(dir, 'none.json') })).toEqual({
      mode: 'emulator',
      outputsFile: LOCAL_OUTPUTS_FILE,
    });
  });
});
