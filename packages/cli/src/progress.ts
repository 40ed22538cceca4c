/*
 * Transfer progress on stderr, only when stderr is a terminal (never in logs, pipes or --json /
 * --quiet runs). Each running transfer has one line (name, bytes, rate, ETA) redrawn in place at
 * most ten times a second, so several files at once stay readable; finished transfers scroll up as
 * plain lines above them.
 */
import { humanDuration, humanSize } from './format.js';

export interface TransferProgress {
  update(loaded: number, total: number | undefined): void;
  /** Removes the line; `summary` (if any) is printed above the running ones. */
  finish(summary?: string): void;
}

export interface ProgressBoard {
  start(label: string): TransferProgress;
  /** A line printed above the running transfers (or plainly, without a terminal). */
  print(line: string, stream?: 'stdout' | 'stderr'): void;
}

interface Row {
  label: string;
  loaded: number;
  total: number | undefined;
  startedAt: number;
}

const REDRAW_MS = 100;
const BAR = 20;

/** A board that draws on `stderr` when `live`, and otherwise only prints the lines it is given. */
export function createProgressBoard(
  streams: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream },
  live: boolean,
): ProgressBoard {
  const rows = new Set<Row>();
  let drawn = 0;
  let lastDraw = 0;
  let timer: NodeJS.Timeout | undefined;

  const erase = () => {
    if (drawn > 0) streams.stderr.write(`\x1b[${drawn}A\x1b[J`);
    drawn = 0;
  };
  const draw = () => {
    lastDraw = Date.now();
    erase();
    const width = streams.stderr.columns || 80;
    for (const row of rows) streams.stderr.write(`${formatRow(row, width)}\n`);
    drawn = rows.size;
  };
  const schedule = () => {
    if (!live || timer) return;
    const wait = Math.max(0, REDRAW_MS - (Date.now() - lastDraw));
    timer = setTimeout(() => {
      timer = undefined;
      draw();
    }, wait);
    timer.unref();
  };

  return {
    start(label) {
      const row: Row = { label, loaded: 0, total: undefined, startedAt: Date.now() };
      rows.add(row);
      schedule();
      return {
        update(loaded, total) {
          row.loaded = loaded;
          row.total = total;
          schedule();
        },
        finish(summary) {
          rows.delete(row);
          if (live) {
            erase();
            if (summary) streams.stdout.write(`${summary}\n`);
            draw();
          } else if (summary) streams.stdout.write(`${summary}\n`);
        },
      };
    },
    print(line, stream = 'stdout') {
      if (live) erase();
      streams[stream].write(`${line}\n`);
      if (live) draw();
    },
  };
}

function formatRow(row: Row, width: number): string {
  const seconds = (Date.now() - row.startedAt) / 1000;
  const rate = seconds > 0 ? row.loaded / seconds : 0;
  const total = row.total;
  const fraction = total ? Math.min(1, row.loaded / total) : 0;
  const filled = Math.round(fraction * BAR);
  const bar = total
    ? `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%`
    : '';
  const eta = total && rate > 0 ? ` ETA ${humanDuration((total - row.loaded) / rate)}` : '';
  const figures = `${humanSize(row.loaded)}${total ? ` / ${humanSize(total)}` : ''}  ${humanSize(rate)}/s${eta}`;
  const room = Math.max(10, width - bar.length - figures.length - 4);
  const label = row.label.length > room ? `…${row.label.slice(-(room - 1))}` : row.label;
  return `${label.padEnd(room)} ${bar} ${figures}`.slice(0, width - 1);
}
