/*
 * Bundle: the web app's production build beside the same screens built with aws-amplify +
 * @aws-amplify/ui-react's Authenticator and with the seed's bare SDK v3 calls (pages in
 * `bench/pages/`), all three built by Vite in this run. Initial load = the HTML entry's chunk, its
 * static imports and their CSS; whole app = every JS and CSS file emitted.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { type BuildSizes, measureBuild, total } from '../lib/bundle-analysis.ts';
import type { BenchContext, BenchEntry } from '../lib/entry.ts';
import { NotAvailableError } from '../lib/errors.ts';
import type { Budget } from '../lib/figures.ts';
import { runCommand } from '../lib/processes.ts';
import { KiB } from '../lib/stats.ts';

const amplify = 'aws-amplify Authenticator';
const seed = 'bare SDK v3 seed';

async function buildPage(context: BenchContext, page: string): Promise<BuildSizes> {
  const outDir = join(context.tmpDir, page);
  const vite = join(context.repoRoot, 'bench', 'node_modules', '.bin', 'vite');
  const pageRoot = join(context.repoRoot, 'bench', 'pages', page);
  const config = join(context.repoRoot, 'bench', 'pages', 'vite.config.ts');
  await runCommand(vite, ['build', pageRoot, '--config', config, '--outDir', outDir], {
    cwd: context.repoRoot,
  });
  return measureBuild(outDir);
}

async function buildWeb(context: BenchContext): Promise<BuildSizes> {
  const webRoot = join(context.repoRoot, 'packages', 'web');
  const vite = join(webRoot, 'node_modules', '.bin', 'vite');
  try {
    await access(join(webRoot, 'vite.config.ts'));
    await access(join(webRoot, 'index.html'));
    await access(join(webRoot, 'src', 'main.tsx'));
  } catch (cause) {
    throw new NotAvailableError('the web app (packages/web) has no index.html/src/main.tsx to build yet', {
      cause,
    });
  }
  const outDir = join(context.tmpDir, 'web');
  // The web app's own Vite and config, as `pnpm build` runs them; only the output moves.
  await runCommand(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--manifest'], { cwd: webRoot });
  return measureBuild(outDir);
}

const kib = (bytes: number) => bytes / KiB;

function sizesTable(builds: Array<[string, BuildSizes]>): string {
  const lines = [
    '| build | part | JS raw | JS gzip | JS brotli | CSS raw | CSS gzip | CSS brotli | files |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, sizes] of builds) {
    for (const part of ['initial', 'whole'] as const) {
      const { js, css } = sizes[part];
      const cells = [js.raw, js.gzip, js.brotli, css.raw, css.gzip, css.brotli].map((b) => kib(b).toFixed(1));
      lines.push(`| ${name} | ${part} | ${cells.join(' | ')} | ${js.files + css.files} |`);
    }
  }
  return `Sizes in KiB.\n\n${lines.join('\n')}`;
}

function filesTable(sizes: BuildSizes): string {
  const lines = ['| file | loads | brotli KiB | raw KiB |', '| --- | --- | --- | --- |'];
  for (const file of sizes.files) {
    const loads = file.initial ? 'initial' : 'later';
    lines.push(`| ${file.file} | ${loads} | ${kib(file.brotli).toFixed(1)} | ${kib(file.raw).toFixed(1)} |`);
  }
  return lines.join('\n');
}

/** One size compared: which part of the build, compressed how, beside which baseline build. */
interface SizeFigure {
  part: 'initial' | 'whole';
  encoding: 'gzip' | 'brotli';
  baseline: 'amplify' | 'seed';
  budgets?: Budget[];
}

const BASELINE_LABELS = { amplify, seed };
const PART_LABELS = { initial: 'sign-in initial load', whole: 'whole app' };

/** At most `kib` KiB, and less than `ratio` times the baseline. */
function sizeBudgets(kib: number, ratio: number): Budget[] {
  return [
    { kind: 'max', value: kib },
    { kind: 'ratio-max', value: ratio, strict: true },
  ];
}

/** The rows of the table, in order; only brotli against Amplify has budgets (issue 6). */
const SIZE_FIGURES: SizeFigure[] = [
  { part: 'initial', encoding: 'brotli', baseline: 'amplify', budgets: sizeBudgets(95, 0.5) },
  { part: 'whole', encoding: 'brotli', baseline: 'amplify', budgets: sizeBudgets(150, 0.7) },
  { part: 'initial', encoding: 'gzip', baseline: 'amplify' },
  { part: 'whole', encoding: 'gzip', baseline: 'amplify' },
  { part: 'initial', encoding: 'brotli', baseline: 'seed' },
  { part: 'whole', encoding: 'brotli', baseline: 'seed' },
];

/** `initial-brotli`, `whole-gzip`, `initial-brotli-seed`: the ids the results and README use. */
const figureId = ({ part, encoding, baseline }: SizeFigure) =>
  `${part}-${encoding}${baseline === 'seed' ? '-seed' : ''}`;

/** The `bundle` entry. */
export const bundleSize: BenchEntry = {
  name: 'bundle',
  description: 'production build sizes (JS+CSS, gzip and brotli) beside Amplify and the bare SDK seed',
  figures: SIZE_FIGURES.map((figure) => ({
    id: figureId(figure),
    label: `${PART_LABELS[figure.part]}, JS+CSS ${figure.encoding}`,
    unit: 'KiB',
    baselineLabel: BASELINE_LABELS[figure.baseline],
    budgets: figure.budgets ?? [],
  })),
  async run(context) {
    context.log('building the Amplify page');
    const amplifySizes = await buildPage(context, 'amplify');
    context.log('building the bare SDK v3 seed page');
    const seedSizes = await buildPage(context, 'sdk-seed');
    const baselines: Array<[string, BuildSizes]> = [
      [amplify, amplifySizes],
      [seed, seedSizes],
    ];
    const figure = (
      part: 'initial' | 'whole',
      encoding: 'gzip' | 'brotli',
      baseline: BuildSizes,
      web?: BuildSizes,
    ) => ({
      ours: web && kib(total(web[part], encoding)),
      baseline: kib(total(baseline[part], encoding)),
    });
    const baselineSizes = { amplify: amplifySizes, seed: seedSizes };
    const recordAll = (web?: BuildSizes) => {
      for (const spec of SIZE_FIGURES) {
        context.record(figureId(spec), figure(spec.part, spec.encoding, baselineSizes[spec.baseline], web));
      }
    };
    // Baselines first, so their sizes are in the table even when the web app cannot be built.
    recordAll();

    context.log('building packages/web');
    let web: BuildSizes | undefined;
    try {
      web = await buildWeb(context);
    } finally {
      const builds: Array<[string, BuildSizes]> = web ? [['auth-s3 web app', web], ...baselines] : baselines;
      context.detail('sizes by build', sizesTable(builds), Object.fromEntries(builds));
      if (web) context.detail('web app files', filesTable(web), web.files);
    }
    recordAll(web);
  },
};
