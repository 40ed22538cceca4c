/*
 * Tests of the report's table: a not-available row keeps its baseline and says MISS, and the
 * README's table is replaced between its markers and nowhere else.
 */
import { describe, expect, it } from 'vitest';
import { judge } from './figures.ts';
import { markdownTable, type RunReport, replaceReadmeTable } from './report.ts';

const figures = [
  judge(
    'bundle',
    {
      id: 'i',
      label: 'initial',
      unit: 'KiB',
      baselineLabel: 'Amplify',
      budgets: [{ kind: 'max', value: 95 }],
    },
    { ours: 80, baseline: 200 },
  ),
  judge('srp', { id: 'c', label: 'cpu', unit: 'ms', budgets: [] }, { baseline: 180 }, 'not built yet'),
];

const report: RunReport = {
  date: '2026-11-26T11:00:00.000Z',
  node: 'v20.20.2',
  cores: 2,
  cpuModel: 'test',
  platform: 'linux-x64',
  load: { start: [1, 1, 1], end: [1, 1, 1] },
  totalSeconds: 10,
  entries: [],
  figures,
  details: [],
};

describe('markdownTable', () => {
  it('shows a measured row with its ratio and a not-available row as a miss with its baseline', () => {
    const lines = markdownTable(figures).split('\n');
    expect(lines[2]).toBe('| bundle | initial | 80 KiB | 200 KiB (Amplify) | 0.40× | ≤ 95 KiB | pass |');
    expect(lines[3]).toBe('| srp | cpu | not available | 180 ms (baseline) | — | — | MISS |');
  });

  it('shows a third decimal as many decimals as keep a missed ratio off its bound', () => {
    const spec = {
      id: 'p',
      label: 'put',
      unit: 'MiB/s' as const,
      budgets: [{ kind: 'ratio-min' as const, value: 0.5 }],
    };
    expect(markdownTable([judge('emulator', spec, { ours: 49.97, baseline: 100 })])).toContain('| 0.4997× |');
    expect(markdownTable([judge('emulator', spec, { ours: 52, baseline: 100 })])).toContain('| 0.52× |');
  });
});

describe('replaceReadmeTable', () => {
  it('replaces only what is between the markers', () => {
    const readme = 'intro\n<!-- bench:latest:start -->\nold\n<!-- bench:latest:end -->\nafter\n';
    const updated = replaceReadmeTable(readme, report);
    expect(updated.startsWith('intro\n<!-- bench:latest:start -->\nMeasured 2026-11-26 11:00 UTC')).toBe(
      true,
    );
    expect(updated).toContain('| bundle | initial | 80 KiB |');
    expect(updated).not.toContain('old');
    expect(updated.endsWith('<!-- bench:latest:end -->\nafter\n')).toBe(true);
  });

  it('leaves a README without markers alone', () => {
    expect(replaceReadmeTable('no markers', report)).toBe('no markers');
  });
});
