/*
 * `@auth-s3/browser-testing`: the system browsers the web app's browser tests, the emulator's
 * bucket-isolation test and the bench drive, found one way (the path in an environment variable,
 * then the usual Debian/Ubuntu paths, else the command that installs one) and launched with one set
 * of flags. Chromium here (playwright-core); Firefox on `@auth-s3/browser-testing/firefox`
 * (puppeteer-core), so a Chromium user loads no puppeteer. Neither library downloads a browser. For
 * tests and the bench only; not published.
 */
export { CHROMIUM_ARGS, findChromium, launchChromium } from './chromium.js';
export { type BrowserLookup, findBrowser } from './find-browser.js';
