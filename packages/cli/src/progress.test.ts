/*
 * Unit test of the progress board: on a terminal, one line per running transfer (bytes, rate,
 * ETA) redrawn in place, finished transfers printed above the running ones; without a terminal,
 * only the summaries.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgressBoard } from './progress.js';

function fakeStream() {
  const stream = {
    text: '',
    columns: 100,
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createProgressBoard', () => {
  it('draws one line per running transfer with bytes, rate and ETA, and keeps summaries above', () => {
    const stdout = fakeStream();
    const stderr = fakeStream();
    const board = createProgressBoard({ stdout, stderr } as never, true);
    const first = board.start('a.bin → shared:a.bin');
    const second = board.start('b.bin → shared:b.bin');
    vi.advanceTimersByTime(1000);
    first.update(4 * 1024 * 1024, 8 * 1024 * 1024);
    second.update(1024, undefined);
    vi.advanceTimersByTime(150);
    const lines = stderr.text.split('\n');
    const drawn = lines.slice(-3, -1);
    expect(drawn[0]).toMatch(
      /a\.bin → shared:a\.bin +\[#{10}\.{10}\] {2}50% 4\.0 MiB \/ 8\.0 MiB {2}4\.0 MiB\/s ETA 1\.0 s/,
    );
    expect(drawn[1]).toMatch(/b\.bin → shared:b\.bin +1\.0 KiB {2}1\.0 KiB\/s$/);
    // Each redraw moves the cursor up over the lines drawn before and clears them.
    expect(stderr.text).toContain('\x1b[2A\x1b[J');
    first.finish('upload: a.bin → shared:a.bin (8.0 MiB in 2.0 s)');
    expect(stdout.text).toBe('upload: a.bin → shared:a.bin (8.0 MiB in 2.0 s)\n');
    // After the finish: the two lines erased, only the running one drawn again.
    expect(stderr.text.split('\n').at(-2)?.startsWith('\x1b[2A\x1b[Jb.bin')).toBe(true);
  });

  it('prints only the summaries without a terminal', () => {
    const stdout = fakeStream();
    const stderr = fakeStream();
    const board = createProgressBoard({ stdout, stderr } as never, false);
    const row = board.start('a → b');
    row.update(10, 20);
    vi.advanceTimersByTime(1000);
    row.finish('upload: a → b');
    board.print('{"json":true}', 'stderr');
    expect(stdout.text).toBe('upload: a → b\n');
    expect(stderr.text).toBe('{"json":true}\n');
  });
});
