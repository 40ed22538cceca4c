/*
 * Finds and launches the system Firefox (Debian's firefox-esr) for the browser tests, driven over
 * WebDriver BiDi by puppeteer-core, which downloads no browser: `FIREFOX_PATH` first, then the usual
 * Debian paths; a missing browser fails with the command that installs it. Downloads go to a folder
 * the test gives, without a dialog.
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { findBrowser } from './find-browser.js';

const USUAL_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

/** The Firefox executable, or an error that says how to install one. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  return findBrowser(
    { name: 'Firefox', envVar: 'FIREFOX_PATH', paths: USUAL_PATHS, aptPackage: 'firefox-esr' },
    env,
  );
}

/** Launches headless Firefox over WebDriver BiDi, saving downloads to `downloadDir` without asking. */
export function launchFirefox(downloadDir: string): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: findFirefox(),
    headless: true,
    extraPrefsFirefox: {
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.manager.showWhenStarting': false,
    },
  });
}
