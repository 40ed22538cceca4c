/*
 * Tests of budget judging: absolute and ratio bounds, strict and inclusive, figures without
 * budgets, and figures that were never measured.
 */
import { describe, expect, it } from 'vitest';
import { describeBudget, type FigureSpec, formatValue, judge } from './figures.ts';

const bundle: FigureSpec = {
  id: 'initial',
  label: 'initial load',
  unit: 'KiB',
  baselineLabel: 'Amplify',
  budgets: [
    { kind: 'max', value: 95 },
    { kind: 'ratio-max', value: 0.5, strict: true },
  ],
};

describe('judge', () => {
  it('passes when every budget is met, and computes the ratio', () => {
    const result = judge('bundle', bundle, { ours: 90, baseline: 200 });
    expect(result.pass).toBe(true);
    expect(result.ratio).toBeCloseTo(0.45);
  });

  it('misses when the absolute bound is passed even though the ratio is met', () => {
    expect(judge('bundle', bundle, { ours: 96, baseline: 400 }).pass).toBe(false);
  });

  it('misses a strict ratio bound that is only equalled', () => {
    expect(judge('bundle', bundle, { ours: 50, baseline: 100 }).pass).toBe(false);
  });

  it('accepts an inclusive bound that is equalled', () => {
    const spec: FigureSpec = { id: 'x', label: 'x', unit: '/s', budgets: [{ kind: 'min', value: 50 }] };
    expect(judge('emulator', spec, { ours: 50 }).pass).toBe(true);
    expect(judge('emulator', spec, { ours: 49.9 }).pass).toBe(false);
  });

  it('misses a ratio budget when there is no baseline to divide by', () => {
    expect(judge('bundle', bundle, { ours: 10 }).pass).toBe(false);
  });

  it("reports the measurement's own reason for a missing value before the entry's", () => {
    const result = judge('emulator', bundle, { baseline: 300, notAvailable: 'Node 24 not found' }, 'other');
    expect(result).toMatchObject({ pass: false, baseline: 300, notAvailable: 'Node 24 not found' });
  });

  it('reports a figure without our value as not available, a miss, keeping the baseline', () => {
    const result = judge('bundle', bundle, { baseline: 200 }, 'the web app is not built yet');
    expect(result).toMatchObject({
      pass: false,
      baseline: 200,
      notAvailable: 'the web app is not built yet',
    });
    expect(result.ours).toBeUndefined();
  });

  it('leaves the ratio out of a figure declared without one', () => {
    const spec: FigureSpec = {
      id: 'x',
      label: 'x',
      unit: 'MiB',
      budgets: [{ kind: 'max', value: 32 }],
      noRatio: true,
    };
    const result = judge('emulator', spec, { ours: 6, baseline: 1 });
    expect(result.ratio).toBeUndefined();
    expect(result.pass).toBe(true);
  });

  it('counts a figure with no budgets as passed once measured', () => {
    const spec: FigureSpec = { id: 'x', label: 'x', unit: 'ms', budgets: [] };
    expect(judge('dev', spec, { ours: 1234 }).pass).toBe(true);
    expect(judge('dev', spec, undefined, 'no dev script').pass).toBe(false);
  });
});

describe('describeBudget and formatValue', () => {
  it('writes bounds the way the table shows them', () => {
    expect(describeBudget({ kind: 'max', value: 95 }, 'KiB')).toBe('≤ 95 KiB');
    expect(describeBudget({ kind: 'ratio-max', value: 0.5, strict: true }, 'KiB')).toBe('< 0.5×');
    expect(describeBudget({ kind: 'min', value: 50 }, '/s')).toBe('≥ 50 /s');
    expect(formatValue(94.24, 'KiB')).toBe('94.2 KiB');
    expect(formatValue(4, 'requests')).toBe('4');
  });
});
