/*
 * Turns judged figures into the three forms a run leaves behind: the table printed on the
 * terminal, `latest.md` (the table, the environment and each entry's details; the READMEs link to
 * it) and `latest.json` (everything, for tools), and writes the two files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { describeBudget, type FigureResult, formatValue } from './figures.ts';

/** Supporting numbers an entry reported beside its figures. */
export interface EntryDetail {
  entry: string;
  title: string;
  markdown: string;
  data: unknown;
}

/** Everything one `pnpm bench` invocation produced. */
export interface RunReport {
  date: string;
  node: string;
  cores: number;
  cpuModel: string;
  platform: string;
  /** `os.loadavg()` (1, 5, 15 min) at the start and the end: how busy the machine was. */
  load: { start: number[]; end: number[] };
  /** Wall time of the whole invocation, seconds. */
  totalSeconds: number;
  /** Each entry's run; `date` differs from the report's for entries kept from an earlier run. */
  entries: Array<{ name: string; seconds: number; date: string; error?: string }>;
  figures: FigureResult[];
  details: EntryDetail[];
}

/** The machine facts a report carries. */
export function environment(): Pick<RunReport, 'node' | 'cores' | 'cpuModel' | 'platform'> {
  const cpuList = cpus();
  return {
    node: process.version,
    cores: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    platform: `${process.platform}-${process.arch}`,
  };
}

/** Two decimals, or as many as it takes to keep a miss from rounding onto its bound (0.4997, not 0.50). */
function ratioText(figure: FigureResult): string {
  const ratio = figure.ratio ?? 0;
  const bounds = figure.budgets.filter((b) => b.kind.startsWith('ratio')).map((b) => b.value);
  let digits = 2;
  while (!figure.pass && digits < 6 && bounds.includes(Number(ratio.toFixed(digits)))) digits++;
  return ratio.toFixed(digits);
}

const headers = ['entry', 'figure', 'ours', 'baseline', 'ratio', 'budget', 'result'];

function cells(figure: FigureResult): string[] {
  const budget = figure.budgets.map((b) => describeBudget(b, figure.unit)).join(', ') || '—';
  const baseline =
    figure.baseline === undefined
      ? '—'
      : `${formatValue(figure.baseline, figure.unit)} (${figure.baselineLabel ?? 'baseline'})`;
  if (figure.notAvailable !== undefined) {
    return [figure.entry, figure.label, 'not available', baseline, '—', budget, 'MISS'];
  }
  const ours = figure.ours === undefined ? '—' : formatValue(figure.ours, figure.unit);
  const ratio = figure.ratio === undefined ? '—' : `${ratioText(figure)}×`;
  const result = figure.budgets.length === 0 ? 'info' : figure.pass ? 'pass' : 'MISS';
  return [figure.entry, figure.label, ours, baseline, ratio, budget, result];
}

/** The table as aligned plain text, for the terminal. */
export function textTable(figures: FigureResult[]): string {
  const rows = [headers, ...figures.map(cells)];
  const widths = headers.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(headers), rule, ...rows.slice(1).map(line)].join('\n');
}

function escapeCell(cell: string): string {
  return cell.replaceAll('|', '\\|');
}

/** The table as GitHub markdown. */
export function markdownTable(figures: FigureResult[]): string {
  const row = (values: string[]) => `| ${values.map(escapeCell).join(' | ')} |`;
  return [row(headers), row(headers.map(() => '---')), ...figures.map((f) => row(cells(f)))].join('\n');
}

/**
 * One bullet per entry whose figures are not available (the first line of the reason; the whole
 * message is under "Entries that stopped early"), then the notes entries attached to figures.
 */
function footnotes(figures: FigureResult[]): string[] {
  const lines: string[] = [];
  const reasons = new Map<string, string>();
  for (const figure of figures) {
    if (figure.notAvailable === undefined) continue;
    const reason = figure.notAvailable.split('\n')[0] ?? '';
    const key = `${figure.entry}: ${reason}`;
    reasons.set(key, reasons.has(key) ? `${reasons.get(key)}, ${figure.label}` : figure.label);
  }
  for (const [key, labels] of reasons) lines.push(`- not available — ${key} (${labels})`);
  for (const figure of figures) {
    if (figure.notAvailable === undefined && figure.note) {
      lines.push(`- ${figure.entry} / ${figure.label}: ${figure.note}`);
    }
  }
  return lines;
}

/** A line naming the entries a partial run kept from earlier runs, with their dates, if any. */
function keptFromEarlierRuns(report: RunReport): string[] {
  const kept = report.entries.filter((e) => e.date !== report.date);
  if (kept.length === 0) return [];
  const when = (date: string) => `${date.slice(0, 16).replace('T', ' ')} UTC`;
  const list = kept.map((e) => `${e.name} (${when(e.date)})`).join(', ');
  return [
    `This run measured only some entries; kept from earlier runs, on their machine and Node: ${list}.`,
    '',
  ];
}

/** `latest.md`: the table, the environment, notes and each entry's details. */
export function markdownReport(report: RunReport): string {
  const misses = report.figures.filter((f) => !f.pass).length;
  const parts = [
    `# auth-s3 benchmarks — ${report.date}`,
    '',
    `Node ${report.node}, ${report.cores} cores (${report.cpuModel}), ${report.platform}. ` +
      `Load average ${report.load.start.map((v) => v.toFixed(1)).join('/')} at the start, ` +
      `${report.load.end.map((v) => v.toFixed(1)).join('/')} at the end (1/5/15 min). ` +
      `This run took ${report.totalSeconds.toFixed(0)} s. ${misses === 0 ? 'Every budget met.' : `${misses} figure(s) missed their budget or could not be measured.`}`,
    '',
    ...keptFromEarlierRuns(report),
    markdownTable(report.figures),
    '',
  ];
  const notes = footnotes(report.figures);
  if (notes.length > 0) parts.push('Notes:', '', ...notes, '');
  const failed = report.entries.filter((e) => e.error !== undefined);
  if (failed.length > 0) {
    parts.push('Entries that stopped early:', '');
    for (const entry of failed) parts.push(`- ${entry.name}:`, '', '```text', entry.error ?? '', '```', '');
  }
  for (const detail of report.details) {
    parts.push(`## ${detail.entry}: ${detail.title}`, '', detail.markdown, '');
  }
  const timing = report.entries.map((e) => {
    const when = e.date === report.date ? '' : `, measured ${e.date}`;
    return `${e.name} ${e.seconds.toFixed(0)} s${when}`;
  });
  parts.push(`Time per entry: ${timing.join('; ')}.`, '');
  return parts.join('\n');
}

/**
 * Writes the run's two files, `latest.json` and `latest.md`, into `resultsDir` (nothing else: READMEs
 * link to them), then hands them to `format` (the runner lays them out with Biome, so `pnpm lint`
 * stays clean after a run). Returns their paths.
 */
export async function writeResults(
  resultsDir: string,
  report: RunReport,
  format: (files: string[]) => Promise<void>,
): Promise<string[]> {
  await mkdir(resultsDir, { recursive: true });
  const json = join(resultsDir, 'latest.json');
  const markdown = join(resultsDir, 'latest.md');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdown, markdownReport(report));
  await format([json, markdown]);
  return [json, markdown];
}
