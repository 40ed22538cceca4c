/*
 * Tests of the frame batch that paces upload progress: one hand-over per frame with the latest
 * value of each key, nothing handed over for a dropped key, and nothing after a cancel.
 */
import { describe, expect, it } from 'vitest';
import { manualFrames } from '../__tests__/manual-frames';
import { frameBatch } from './frame-batch';

describe('frameBatch', () => {
  it('hands over the latest value of each key once per frame', () => {
    const frames = manualFrames();
    const applied: Array<Record<string, number>> = [];
    const batch = frameBatch<string, number>((pending) => applied.push(Object.fromEntries(pending)), frames);
    for (let loaded = 1; loaded <= 100; loaded++) batch.set('a', loaded);
    batch.set('b', 7);
    expect(frames.requested).toBe(1);
    expect(applied).toEqual([]);
    frames.runFrame();
    expect(applied).toEqual([{ a: 100, b: 7 }]);
    batch.set('a', 101);
    expect(frames.requested).toBe(2);
    frames.runFrame();
    expect(applied).toEqual([{ a: 100, b: 7 }, { a: 101 }]);
  });

  it('hands over nothing for a dropped key, and nothing at all after cancel', () => {
    const frames = manualFrames();
    const applied: Array<Record<string, number>> = [];
    const batch = frameBatch<string, number>((pending) => applied.push(Object.fromEntries(pending)), frames);
    batch.set('a', 1);
    batch.set('b', 2);
    batch.drop('a');
    frames.runFrame();
    expect(applied).toEqual([{ b: 2 }]);
    batch.set('c', 3);
    batch.cancel();
    frames.runFrame();
    expect(applied).toEqual([{ b: 2 }]);
    batch.set('d', 4);
    frames.runFrame();
    expect(applied).toEqual([{ b: 2 }, { d: 4 }]);
  });
});
