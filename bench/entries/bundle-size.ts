/*
 * Bundle: the web app's production build beside the same screens built with aws-amplify +
 * @aws-amplify/ui-react's Authenticator and with the seed's bare SDK v3 calls (pages in
 * `bench/pages/`), all three built by Vite in this run and measured by the web's own measurer
 * (`@auth-s3/web/bundle-size`, the one its size check uses): the sign-in screen = everything needed
 * to sign in, from Vite's manifest; whole app = every JS and CSS file emitted. The absolute budgets
 * are the web's; the ratios to Amplify are the bench's.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { BUDGETS_KIB, type BuildSize, measureBuild, total } from '@auth-s3/web/bundle-size';
import type { BenchContext, BenchEntry } from '../lib/entry.ts';
import { NotAvailableError } from '../lib/errors.ts';
import type { Budget } from '../lib/figures.ts';
import { runCommand } from '../lib/processes.ts';
import { KiB } from '../lib/stats.ts';

const amplify = 'aws-amplify Authenticator';
const seed = 'bare SDK v3 seed';

async function buildPage(context: BenchContext, page: string): Promise<BuildSize> {
  const outDir = join(context.tmpDir, page);
  const vite = join(context.repoRoot, 'bench', 'node_modules', '.bin', 'vite');
  const pageRoot = join(context.repoRoot, 'bench', 'pages', page);
  const config = join(context.repoRoot, 'bench', 'pages', 'vite.config.ts');
  await runCommand(vite, ['build', pageRoot, '--config', config, '--outDir', outDir], {
    cwd: context.repoRoot,
  });
  return measureBuild(outDir);
}

async function buildWeb(context: BenchContext): Promise<BuildSize> {
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

function sizesTable(builds: Array<[string, BuildSize]>): string {
  const lines = [
    '| build | part | JS raw | JS gzip | JS brotli | CSS raw | CSS gzip | CSS brotli | files |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, sizes] of builds) {
    for (const part of ['initial', 'signIn', 'whole'] as const) {
      const { js, css } = sizes[part];
      const cells = [js.raw, js.gzip, js.brotli, css.raw, css.gzip, css.brotli].map((b) => kib(b).toFixed(1));
      lines.push(`| ${name} | ${PART_NAMES[part]} | ${cells.join(' | ')} | ${sizes[part].files} |`);
    }
  }
  return `Sizes in KiB.\n\n${lines.join('\n')}`;
}

function filesTable(sizes: BuildSize): string {
  const lines = ['| file | loads | brotli KiB | raw KiB |', '| --- | --- | --- | --- |'];
  for (const file of sizes.files) {
    const loads = file.initial ? 'first load' : file.signIn ? 'to sign in' : 'later';
    lines.push(`| ${file.file} | ${loads} | ${kib(file.brotli).toFixed(1)} | ${kib(file.raw).toFixed(1)} |`);
  }
  return lines.join('\n');
}

/** What each lazy import adds to the first load (they share chunks, so the rows do not sum). */
function lazyTable(sizes: BuildSize): string {
  const lines = ['| lazy import | adds, brotli KiB |', '| --- | --- |'];
  for (const group of sizes.lazyGroups) {
    lines.push(`| ${group.module.replace(/^.*node_modules\//, '')} | ${kib(group.brotli).toFixed(1)} |`);
  }
  return lines.join('\n');
}

/** One size compared: which part of the build, compressed how, beside which baseline build. */
interface SizeFigure {
  part: 'signIn' | 'whole';
  encoding: 'gzip' | 'brotli';
  baseline: 'amplify' | 'seed';
  budgets?: Budget[];
}

const BASELINE_LABELS = { amplify, seed };
const PART_LABELS = { signIn: 'sign-in screen, everything needed to sign in', whole: 'whole app' };
const PART_NAMES = { initial: 'first load', signIn: 'sign-in screen', whole: 'whole app' };

/** At most `kib` KiB, and less than `ratio` times the baseline. */
function sizeBudgets(kib: number, ratio: number): Budget[] {
  return [
    { kind: 'max', value: kib },
    { kind: 'ratio-max', value: ratio, strict: true },
  ];
}

/** The rows of the table, in order; only brotli against Amplify has budgets (issue 6). */
const SIZE_FIGURES: SizeFigure[] = [
  { part: 'signIn', encoding: 'brotli', baseline: 'amplify', budgets: sizeBudgets(BUDGETS_KIB.signIn, 0.5) },
  { part: 'whole', encoding: 'brotli', baseline: 'amplify', budgets: sizeBudgets(BUDGETS_KIB.whole, 0.7) },
  { part: 'signIn', encoding: 'gzip', baseline: 'amplify' },
  { part: 'whole', encoding: 'gzip', baseline: 'amplify' },
  { part: 'signIn', encoding: 'brotli', baseline: 'seed' },
  { part: 'whole', encoding: 'brotli', baseline: 'seed' },
];

/** `sign-in-brotli`, `whole-gzip`, `sign-in-brotli-seed`: the ids the results use. */
const figureId = ({ part, encoding, baseline }: SizeFigure) =>
  `${part === 'signIn' ? 'sign-in' : part}-${encoding}${baseline === 'seed' ? '-seed' : ''}`;

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
    const baselines: Array<[string, BuildSize]> = [
      [amplify, amplifySizes],
      [seed, seedSizes],
    ];
    const figure = (
      part: 'signIn' | 'whole',
      encoding: 'gzip' | 'brotli',
      baseline: BuildSize,
      web?: BuildSize,
    ) => ({
      ours: web && kib(total(web[part], encoding)),
      baseline: kib(total(baseline[part], encoding)),
    });
    const baselineSizes = { amplify: amplifySizes, seed: seedSizes };
    const recordAll = (web?: BuildSize) => {
      for (const spec of SIZE_FIGURES) {
        context.record(figureId(spec), figure(spec.part, spec.encoding, baselineSizes[spec.baseline], web));
      }
    };
    // Baselines first, so their sizes are in the table even when the web app cannot be built.
    recordAll();

    context.log('building packages/web');
    let web: BuildSize | undefined;
    try {
      web = await buildWeb(context);
    } finally {
      const builds: Array<[string, BuildSize]> = web ? [['auth-s3 web app', web], ...baselines] : baselines;
      context.detail('sizes by build', sizesTable(builds), Object.fromEntries(builds));
      if (web) {
        context.detail('web app files', filesTable(web), web.files);
        context.detail('web app lazy imports', lazyTable(web), web.lazyGroups);
      }
    }
    recordAll(web);
  },
};
