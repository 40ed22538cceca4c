/*
 * Reads and validates the CDK context flags of the app (`-c ephemeral=true`,
 * `-c webOrigins=https://a.example,https://b.example`, `-c hosting=false`, `-c siteDirectory=<dir>`), so a typo fails synthesis with a message
 * that names the flag and shows a valid value instead of deploying something unexpected.
 */

/** The validated app settings. */
export interface AppContext {
  /** Throwaway stack: destroy everything with it. */
  readonly ephemeral: boolean;
  /** Browser origins for the bucket's CORS rule. */
  readonly webOrigins: string[];
  /** Serve the web app from CloudFront; off for those who host it elsewhere. */
  readonly hosting: boolean;
  /** The web app's build to upload, when given (`-c siteDirectory=…`); else the app's default. */
  readonly siteDirectory?: string;
}

/** The origin of `pnpm dev` (Vite). */
export const DEFAULT_WEB_ORIGINS = ['http://localhost:5173'];

/** A context flag has a value the app cannot use. */
export class InvalidContextError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'InvalidContextError';
  }
}

/**
 * Parses the flags from `tryGetContext`. Values may be strings (from `-c`) or JSON values (from
 * `cdk.json`).
 * @throws InvalidContextError naming the flag and an example of a valid value.
 */
export function parseAppContext(tryGetContext: (key: string) => unknown): AppContext {
  return {
    ephemeral: parseEphemeral(tryGetContext('ephemeral')),
    webOrigins: parseWebOrigins(tryGetContext('webOrigins')),
    hosting: parseFlag('hosting', tryGetContext('hosting'), true),
    ...parseSiteDirectory(tryGetContext('siteDirectory')),
  };
}

function parseEphemeral(raw: unknown): boolean {
  return parseFlag('ephemeral', raw, false);
}

function parseFlag(name: string, raw: unknown, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (raw === false || raw === 'false') return false;
  if (raw === true || raw === 'true') return true;
  throw new InvalidContextError(
    `Context flag "${name}" must be true or false, got ${JSON.stringify(raw)}. Example: -c ${name}=${!fallback}`,
  );
}

function parseSiteDirectory(raw: unknown): { siteDirectory?: string } {
  if (raw === undefined) return {};
  if (typeof raw === 'string' && raw.trim() !== '') return { siteDirectory: raw };
  throw new InvalidContextError(
    `Context flag "siteDirectory" must be a folder path, got ${JSON.stringify(raw)}. Example: -c siteDirectory=packages/web/dist`,
  );
}

function parseWebOrigins(raw: unknown): string[] {
  if (raw === undefined) return [...DEFAULT_WEB_ORIGINS];
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined;
  if (items === undefined) {
    throw new InvalidContextError(
      `Context flag "webOrigins" must be a comma-separated list of origins, got ${JSON.stringify(raw)}. ` +
        'Example: -c webOrigins=http://localhost:5173,https://app.example.com',
    );
  }
  const origins = items
    .map((item) => (typeof item === 'string' ? item.trim() : item))
    .filter((o) => o !== '');
  if (origins.length === 0) {
    throw new InvalidContextError(
      'Context flag "webOrigins" is empty. Give at least one origin, e.g. -c webOrigins=http://localhost:5173',
    );
  }
  return origins.map(validateOrigin);
}

function validateOrigin(origin: unknown): string {
  const hint = 'An origin is scheme://host[:port] with no path, e.g. https://app.example.com';
  if (typeof origin !== 'string') {
    throw new InvalidContextError(`Context flag "webOrigins" holds ${JSON.stringify(origin)}. ${hint}`);
  }
  let url: URL;
  try {
    url = new URL(origin);
  } catch (cause) {
    throw new InvalidContextError(`Context flag "webOrigins": "${origin}" is not a URL. ${hint}`, { cause });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.replace(/\/$/, '')) {
    throw new InvalidContextError(`Context flag "webOrigins": "${origin}" is not an origin. ${hint}`);
  }
  return url.origin;
}
