/*
 * Finds a system browser for the browser tests (neither playwright-core nor puppeteer-core downloads
 * one here): the path in its environment variable first, then the usual Debian/Ubuntu paths; a
 * missing browser fails with the command that installs it.
 */
import { existsSync } from 'node:fs';

/** Where to look for one browser, and how to name and install it in a message. */
export interface BrowserLookup {
  /** As messages name it: `Chromium`, `Firefox`. */
  name: string;
  /** The variable that points at its binary, e.g. `CHROMIUM_PATH`. */
  envVar: string;
  /** The usual install paths, in the order tried. */
  paths: readonly string[];
  /** The Debian package `.ci/run` installs. */
  aptPackage: string;
}

/** The browser's executable, or an error that says how to install one. */
export function findBrowser(lookup: BrowserLookup, env: NodeJS.ProcessEnv = process.env): string {
  const { name, envVar, paths, aptPackage } = lookup;
  const explicit = env[envVar];
  if (explicit) {
    if (existsSync(explicit)) return explicit;
    throw new Error(
      `${envVar} is ${explicit}, which does not exist. Point it at a ${name} binary or unset it.`,
    );
  }
  const found = paths.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    `No ${name} found (looked in ${paths.join(', ')}). Install it with \`apt-get install -y ${aptPackage}\` ` +
      `(as .ci/run does), or set ${envVar} to a ${name} binary.`,
  );
}
