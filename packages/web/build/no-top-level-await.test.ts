// @vitest-environment node
/*
 * Guards the build rule in the README's Size section: no top-level `await` in any module the app
 * bundles (its own source and the workspace libraries it imports from source). Rolldown turns its
 * chunk optimizations off for a graph with one, and the first load splits into many small chunks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';

const PACKAGES = fileURLToPath(new URL('../../', import.meta.url));
/** The source the web build bundles: the app and the workspace libraries it reaches. */
const BUNDLED = ['web/src', 'auth-s3/src', 'outputs/src'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

const FUNCTIONS = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'StaticBlock',
]);

/** Lines of the `await`s (and `for await`s) outside any function in `file` (parsed by Vite's parser). */
function topLevelAwaits(file: string, text: string): number[] {
  const { program, errors } = parseSync(file, text, { sourceType: 'module' });
  if (errors.length > 0) throw new Error(`${file} does not parse: ${errors[0]?.message}`);
  const lines: number[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const { type, start } = node as { type?: string; start?: number };
    if (type && FUNCTIONS.has(type)) return;
    const awaits =
      type === 'AwaitExpression' || (type === 'ForOfStatement' && (node as { await: boolean }).await);
    if (awaits && start !== undefined) lines.push(text.slice(0, start).split('\n').length);
    for (const value of Object.values(node)) visit(value);
  };
  visit(program);
  return lines;
}

describe('the bundled source', () => {
  it('finds a top-level await, and none inside a function', () => {
    expect(topLevelAwaits('a.ts', 'const x = await load();\nasync function f() { await g(); }')).toEqual([1]);
    expect(
      topLevelAwaits('b.ts', 'for await (const x of y) {}\nconst f = async () => { await g(); };'),
    ).toEqual([1]);
  });

  it('has no top-level await in any module the web build bundles', () => {
    const found = BUNDLED.flatMap((dir) =>
      sources(join(PACKAGES, dir)).flatMap((file) =>
        topLevelAwaits(file, readFileSync(file, 'utf8')).map((line) => `${relative(PACKAGES, file)}:${line}`),
      ),
    );
    expect(found).toEqual([]);
  });
});
