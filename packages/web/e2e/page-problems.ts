/*
 * What the browser tests require of every page: no Content-Security-Policy violation and no uncaught
 * error. Each violation is reported by the page itself (a `securitypolicyviolation` listener added
 * before any script runs, calling a function the test exposes) and each uncaught error by the
 * browser; both kinds are collected for one assertion at the end. Works for playwright-core's and
 * puppeteer-core's pages alike.
 */

/** The name of the function the page calls for each violation. */
const REPORT_BINDING = '__reportCspViolation';

/** Added before the page's scripts: reports each violation with its directive and what it blocked. */
const LISTEN_FOR_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  window.${REPORT_BINDING}(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' in ' + event.sourceFile);
});`;

/** A console message, as playwright-core and puppeteer-core both give it. */
interface ConsoleMessage {
  type(): string;
  text(): string;
}

/** The problems seen so far, and the listeners the test hooks to the page's events. */
export interface PageProblems {
  /** What the test asserts to be empty. */
  list(): string[];
  /** For the page's `pageerror` event. */
  pageError(error: unknown): void;
  /** For the page's `console` event: errors that name the CSP count (Chromium logs blocked loads there). */
  consoleMessage(message: ConsoleMessage): void;
}

/**
 * Watches a page for CSP violations: exposes the reporting function (`exposeFunction` of either
 * driver) and runs {@link LISTEN_FOR_VIOLATIONS} before the page's scripts (`addInitScript` in
 * playwright, `evaluateOnNewDocument` in puppeteer). The caller hooks `pageError` and
 * `consoleMessage` to the page's events, whose typings differ between the drivers.
 */
export async function watchPageProblems(
  exposeFunction: (name: string, callback: (text: string) => void) => Promise<unknown>,
  addInitScript: (script: string) => Promise<unknown>,
): Promise<PageProblems> {
  const problems: string[] = [];
  await exposeFunction(REPORT_BINDING, (text: string) => {
    problems.push(`CSP violation: ${text}`);
  });
  await addInitScript(LISTEN_FOR_VIOLATIONS);
  return {
    list: () => [...problems],
    pageError: (error) =>
      problems.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`),
    consoleMessage: (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) {
        problems.push(`console: ${message.text()}`);
      }
    },
  };
}
