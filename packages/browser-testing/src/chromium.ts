/*
 * Finds and launches the system Chromium for the browser tests and the bench (playwright-core ships
 * no browser): `CHROMIUM_PATH` first, then the usual Debian/Ubuntu paths; a missing browser fails
 * with the command that installs it.
 */
import { type Browser, chromium } from 'playwright-core';
import { findBrowser } from './find-browser.js';

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
  return findBrowser(
    { name: 'Chromium', envVar: 'CHROMIUM_PATH', paths: USUAL_PATHS, aptPackage: 'chromium' },
    env,
  );
}

/** Launches Chromium with {@link CHROMIUM_ARGS}. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}
