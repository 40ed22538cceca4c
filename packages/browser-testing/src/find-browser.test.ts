/*
 * The browser lookup: the environment variable wins when it names a file, a wrong one fails naming
 * the variable, otherwise the first usual path that exists, and none found fails with the install
 * command. Real files in a temporary folder stand for the binaries.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BrowserLookup, findBrowser } from './find-browser.js';

const dir = mkdtempSync(join(tmpdir(), 'auth-s3-find-browser-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const first = join(dir, 'first');
const second = join(dir, 'second');
const missing = join(dir, 'missing');
writeFileSync(first, '');
writeFileSync(second, '');

const lookup = (paths: string[]): BrowserLookup => ({
  name: 'Chromium',
  envVar: 'CHROMIUM_PATH',
  paths,
  aptPackage: 'chromium',
});

describe('findBrowser', () => {
  it('takes the path in the environment variable over the usual paths', () => {
    expect(findBrowser(lookup([first]), { CHROMIUM_PATH: second })).toBe(second);
  });

  it('fails naming the variable when it points at nothing', () => {
    expect(() => findBrowser(lookup([first]), { CHROMIUM_PATH: missing })).toThrow(
      `CHROMIUM_PATH is ${missing}, which does not exist. Point it at a Chromium binary or unset it.`,
    );
  });

  it('takes the first usual path that exists', () => {
    expect(findBrowser(lookup([missing, second, first]), {})).toBe(second);
  });

  it('fails with the apt command and the variable when no usual path exists', () => {
    expect(() => findBrowser(lookup([missing]), {})).toThrow(
      `No Chromium found (looked in ${missing}). Install it with \`apt-get install -y chromium\` ` +
        '(as .ci/run does), or set CHROMIUM_PATH to a Chromium binary.',
    );
  });
});
