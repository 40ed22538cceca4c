/*
 * Tests of the harness's statistics: medians of odd and even lists, and the alternating order of
 * interleaved runs.
 */
import { describe, expect, it } from 'vitest';
import { interleave, median } from './stats.ts';

describe('median', () => {
  it('returns the middle value of an odd-sized list, whatever its order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('returns the mean of the two middle values of an even-sized list', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('throws on an empty list', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('interleave', () => {
  it('alternates which side runs first and keeps each side in its own list', async () => {
    const order: string[] = [];
    let n = 0;
    const samples = await interleave(
      3,
      () => {
        order.push('ours');
        return n++;
      },
      () => {
        order.push('baseline');
        return 100 + n++;
      },
    );
    expect(order).toEqual(['ours', 'baseline', 'baseline', 'ours', 'ours', 'baseline']);
    expect(samples.ours).toEqual([0, 3, 4]);
    expect(samples.baseline).toEqual([101, 102, 105]);
  });

  it('hands each call its round and keeps whole reports', async () => {
    const samples = await interleave(
      2,
      (round) => ({ side: 'ours', round }),
      async (round) => ({ side: 'baseline', round }),
    );
    expect(samples.ours).toEqual([
      { side: 'ours', round: 0 },
      { side: 'ours', round: 1 },
    ]);
    expect(samples.baseline).toEqual([
      { side: 'baseline', round: 0 },
      { side: 'baseline', round: 1 },
    ]);
  });
});
