/*
 * Tests of the report's table (a not-available row keeps its baseline and says MISS) and of the
 * files a run writes: its two results files and no other (no README is rewritten).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge } from './figures.ts';
import { markdownReport, markdownTable, type RunReport, writeResults } from './report.ts';

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

describe('markdownReport', () => {
  it('names the entries a partial run kept from an earlier run, with their dates', () => {
    const partial: RunReport = {
      ...report,
      entries: [
        { name: 'bundle', seconds: 40, date: report.date },
        { name: 'srp', seconds: 15, date: '2026-11-20T08:30:00.000Z' },
      ],
    };
    expect(markdownReport(partial)).toContain(
      'kept from earlier runs, on their machine and Node: srp (2026-11-20 08:30 UTC).',
    );
    expect(markdownReport(report)).not.toContain('kept from earlier runs');
  });
});

describe('writeResults', () => {
  it('writes latest.json and latest.md into the results directory and nothing else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'bench-report-'));
    try {
      const resultsDir = join(root, 'results');
      const formatted: string[] = [];
      const written = await writeResults(resultsDir, report, async (files) => {
        formatted.push(...files);
      });
      expect(written.sort()).toEqual([join(resultsDir, 'latest.json'), join(resultsDir, 'latest.md')]);
      expect(formatted.sort()).toEqual(written);
      expect(await readdir(root, { recursive: true })).toEqual(
        expect.arrayContaining(['results', join('results', 'latest.json'), join('results', 'latest.md')]),
      );
      expect(await readdir(root, { recursive: true })).toHaveLength(3);
      expect(JSON.parse(await readFile(join(resultsDir, 'latest.json'), 'utf8'))).toEqual(report);
      expect(await readFile(join(resultsDir, 'latest.md'), 'utf8')).toContain(
        '| bundle | initial | 80 KiB |',
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
