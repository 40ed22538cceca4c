/*
 * The web app's size check: builds it (with `--build`), measures the build with the one measurer
 * (`scripts/bundle-size.ts`, which the bench's `bundle` entry uses too) and prints every file, what
 * each lazy import adds and the two budgeted figures; `--check` exits 1 over budget, `--json` prints
 * the whole measurement. CLI: `tsx scripts/size.ts [--build] [--check] [--json]`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGETS_KIB, type BuildSize, measureBuild, total, withinBudget } from './bundle-size.ts';

/** `12345` → `12.1 KiB`. */
function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** A table of the measurement and the budgets, for a terminal. */
function formatBuildSize(size: BuildSize): string {
  const kind = (f: BuildSize['files'][number]) => (f.initial ? 'initial' : f.signIn ? 'sign-in' : 'lazy   ');
  const lines = size.files.map(
    (f) => `${kind(f)}  ${kib(f.brotli).padStart(10)}  ${kib(f.raw).padStart(10)} raw  ${f.file}`,
  );
  lines.push('', 'loaded later (each with what it adds to the first load):');
  for (const group of size.lazyGroups) {
    lines.push(`  +${kib(group.brotli).padStart(10)}  ${group.module.replace(/^.*node_modules\//, '')}`);
  }
  lines.push(
    '',
    `sign-in screen, first load:               ${kib(total(size.initial, 'brotli'))} brotli`,
    `sign-in screen, with the code to sign in: ${kib(total(size.signIn, 'brotli'))} brotli (budget ${BUDGETS_KIB.signIn} KiB)`,
    `whole app:                                ${kib(total(size.whole, 'brotli'))} brotli (budget ${BUDGETS_KIB.whole} KiB)`,
  );
  return lines.join('\n');
}

async function main(args: string[]): Promise<void> {
  const webRoot = fileURLToPath(new URL('..', import.meta.url));
  if (args.includes('--build')) {
    const { build } = await import('vite');
    await build({ root: webRoot, configFile: resolve(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  }
  const size = measureBuild(resolve(webRoot, 'dist'));
  console.log(args.includes('--json') ? JSON.stringify(size, null, 2) : formatBuildSize(size));
  if (args.includes('--check') && !withinBudget(size)) {
    console.error('Over budget: see the figures above.');
    process.exitCode = 1;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
