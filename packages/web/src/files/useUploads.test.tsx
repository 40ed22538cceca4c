/*
 * Tests of the upload queue's pacing: a burst of progress reports renders once per frame with the
 * latest figure, and the final "Uploaded" (100%) shows at once, never overwritten by progress that
 * was still waiting for a frame.
 */
import { act, render, screen } from '@testing-library/react';
import type { Files, UploadOptions } from 'auth-s3';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { manualFrames } from '../__tests__/manual-frames';
import { UploadQueue } from '../components/UploadQueue';
import { type UploadEntry, useUploads } from './useUploads';

/** A library whose one upload reports and finishes when the test says so. */
function controlledUpload() {
  const control: { options?: UploadOptions; finish?: () => void } = {};
  const files = {
    upload: (_data: unknown, _path: string, options: UploadOptions) =>
      new Promise((resolve) => {
        control.options = options;
        control.finish = () => resolve({});
      }),
  } as unknown as Files;
  return { files, control };
}

/** What the queue held at its last render. */
let shown: UploadEntry[] = [];

function Queue({ files, frames }: { files: Files; frames: ReturnType<typeof manualFrames> }) {
  const uploads = useUploads(files, () => {}, frames);
  shown = uploads.entries;
  return (
    <>
      <button
        type="button"
        onClick={() => uploads.add([new File([new Uint8Array(1000)], 'big.bin')], '', '')}
      >
        Add
      </button>
      <UploadQueue entries={uploads.entries} onCancel={uploads.cancel} onClear={uploads.clearFinished} />
    </>
  );
}

describe('useUploads', () => {
  it('renders a burst of progress once per frame, and "Uploaded" at once', async () => {
    const { files, control } = controlledUpload();
    const frames = manualFrames();
    let commits = 0;
    render(
      <Profiler id="queue" onRender={() => commits++}>
        <Queue files={files} frames={frames} />
      </Profiler>,
    );
    await act(async () => screen.getByRole('button', { name: 'Add' }).click());
    expect(screen.getByText('0% of 1000 bytes')).toBeTruthy();

    const before = commits;
    await act(async () => {
      for (let loaded = 10; loaded <= 500; loaded += 10)
        control.options?.onProgress?.({ loaded, total: 1000 });
    });
    expect(commits).toBe(before);
    expect(screen.getByText('0% of 1000 bytes')).toBeTruthy();
    await act(async () => frames.runFrame());
    expect(commits).toBe(before + 1);
    expect(screen.getByText('50% of 1000 bytes')).toBeTruthy();

    // Progress still waiting for a frame when the upload finishes never shows over "Uploaded".
    await act(async () => {
      control.options?.onProgress?.({ loaded: 900, total: 1000 });
      control.finish?.();
    });
    expect(screen.getByText('Uploaded')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Upload of big.bin' }).getAttribute('value')).toBe('100');
    await act(async () => frames.runFrame());
    expect(screen.getByText('Uploaded')).toBeTruthy();
    expect(shown).toMatchObject([{ status: 'done', loaded: 1000, total: 1000 }]);
  });
});
