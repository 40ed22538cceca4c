/*
 * Finds and launches the system Chromium for the browser tests (playwright-core ships no browser):
 * `CHROMIUM_PATH` first, then the usual Debian/Ubuntu paths; a missing browser fails with the
 * command that installs it.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The flags the tests run Chromium with: headless, no sandbox (root in CI), no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium executable, or an error that says how to install one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (existsSync(explicit)) return explicit;
    throw new Error(
      `CHROMIUM_PATH is ${explicit}, which does not exist. Point it at a Chromium binary or unset it.`,
    );
  }
  const found = USUAL_PATHS.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `No Chromium found (looked in ${USUAL_PATHS.join(', ')}). Install it with \`apt-get install -y chromium\` ` +
      '(as .ci/run does), or set CHROMIUM_PATH to a Chromium binary.',
  );
}

/** Launches Chromium with {@link CHROMIUM_ARGS}. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}
