/*
 * What the browser tests require of every page: no Content-Security-Policy violation and no uncaught
 * error. Each violation is reported by the page itself (a `securitypolicyviolation` listener added
 * before any script runs, calling a function the test exposes) and each uncaught error by the
 * browser; both kinds are collected for one assertion at the end. Works for playwright-core's and
 * puppeteer-core's pages alike.
 */

/** The name of the function the page calls for each violation. */
export const REPORT_BINDING = '__reportCspViolation';

/** Added before the page's scripts: reports each violation with its directive and what it blocked. */
export const LISTEN_FOR_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  window.${REPORT_BINDING}(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' in ' + event.sourceFile);
});`;

/** The page's side of a browser driver, as playwright-core and puppeteer-core both have it. */
interface DrivenPage {
  exposeFunction(name: string, callback: (text: string) => void): Promise<unknown>;
  on(event: 'pageerror', listener: (error: Error) => void): unknown;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): unknown;
}

/** The problems seen so far; `list()` is what the test asserts to be empty. */
export interface PageProblems {
  list(): string[];
}

/**
 * Watches `page` for CSP violations and uncaught errors. `addInitScript` is the driver's way to run
 * {@link LISTEN_FOR_VIOLATIONS} before the page's scripts (playwright `addInitScript`, puppeteer
 * `evaluateOnNewDocument`). Console errors that name the CSP count too: Chromium logs a blocked load
 * there even when the event cannot reach the page.
 */
export async function watchPageProblems(
  page: DrivenPage,
  addInitScript: (script: string) => Promise<unknown>,
): Promise<PageProblems> {
  const problems: string[] = [];
  await page.exposeFunction(REPORT_BINDING, (text: string) => {
    problems.push(`CSP violation: ${text}`);
  });
  await addInitScript(LISTEN_FOR_VIOLATIONS);
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  return { list: () => [...problems] };
}
