/*
 * The outputs plugin serves the file chosen by whoever started Vite (handed over as a plugin, not
 * through the environment), and the file's text as is, or null when it is missing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authS3Outputs, stackChoicePlugin } from './outputs-plugin.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outputs-plugin-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Runs the plugin's hooks as Vite would, with `plugins` in the resolved config; returns the module. */
function loadModule(plugin: Plugin, plugins: Plugin[], command: 'serve' | 'build' = 'serve'): unknown {
  type Hook = (this: unknown, ...args: unknown[]) => unknown;
  const call = (hook: unknown, self: unknown, ...args: unknown[]) =>
    (typeof hook === 'function' ? (hook as Hook) : (hook as { handler: Hook }).handler).apply(self, args);
  call(plugin.configResolved, undefined, { plugins, command } as unknown as ResolvedConfig);
  const id = call(plugin.resolveId, undefined, 'virtual:auth-s3-outputs', undefined, {});
  const code = call(plugin.load, { addWatchFile() {} }, id) as string;
  return JSON.parse(code.replace(/^export default /, '').replace(/;$/, ''));
}

describe('authS3Outputs', () => {
  it('serves the file of the choice handed over by stackChoicePlugin', async () => {
    const outputsFile = join(dir, 'chosen.json');
    await writeFile(outputsFile, '{"AuthS3Stack":{}}');
    const plugin = authS3Outputs();
    const chosen = stackChoicePlugin({ mode: 'emulator', outputsFile });
    expect(loadModule(plugin, [plugin, chosen])).toEqual({
      fileName: 'chosen.json',
      source: 'emulator',
      text: '{"AuthS3Stack":{}}',
    });
  });

  it('exports null in a build, whatever NODE_ENV says, so no outputs file is bundled', async () => {
    const outputsFile = join(dir, 'chosen.json');
    await writeFile(outputsFile, '{"AuthS3Stack":{}}');
    const plugin = authS3Outputs();
    const chosen = stackChoicePlugin({ mode: 'emulator', outputsFile });
    expect(loadModule(plugin, [plugin, chosen], 'build')).toBeNull();
  });

  it('serves null for a chosen file that does not exist, so the app explains it', () => {
    const plugin = authS3Outputs();
    const chosen = stackChoicePlugin({ mode: 'aws', outputsFile: join(dir, 'missing.json') });
    expect(loadModule(plugin, [plugin, chosen])).toEqual({
      fileName: 'missing.json',
      source: 'aws',
      text: null,
    });
  });
});

describe('authS3Outputs on index.html', () => {
  const html =
    '<head>\n    <link rel="preload" href="/aws-outputs.json" as="fetch" crossorigin data-site-outputs />\n</head>';
  const transform = (server: boolean) => {
    const hook = authS3Outputs().transformIndexHtml as (
      html: string,
      context: { server?: unknown },
    ) => string;
    return hook(html, { server: server ? {} : undefined });
  };

  it("keeps the outputs file's preload in a build, where the app fetches the file", () => {
    expect(transform(false)).toBe(html);
  });

  it('drops it under the dev server, where the outputs come from the virtual module', () => {
    expect(transform(true)).toBe('<head>\n</head>');
  });
});
