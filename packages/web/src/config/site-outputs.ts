/*
 * A production build's configuration: the outputs file the stack's deployment writes next to
 * `index.html`, fetched from the site's own origin at start-up (`index.html` preloads it, so this
 * fetch reuses that request). A failed request becomes a text of `null` with the reason, which
 * `loadConfig` turns into the ConfigError screen for a deployed site.
 */
import { SITE_OUTPUTS_FILE } from '@auth-s3/outputs';

/** The outputs file as the site served it. */
export interface SiteOutputs {
  source: 'site';
  /** The file's address, shown to the user. */
  url: string;
  /** The file's text, or `null` when it could not be fetched. */
  text: string | null;
  /** Why there is no text: the HTTP status or the network error. */
  failure?: string;
}

/** Fetches the outputs file from `base` (the app's base URL); never throws. */
export async function fetchSiteOutputs(
  base: string | URL,
  fetchFn: typeof fetch = (...args) => fetch(...args),
): Promise<SiteOutputs> {
  const url = new URL(SITE_OUTPUTS_FILE, base).href;
  try {
    const response = await fetchFn(url);
    if (!response.ok) {
      return {
        source: 'site',
        url,
        text: null,
        failure: `HTTP ${response.status} ${response.statusText}`.trim(),
      };
    }
    return { source: 'site', url, text: await response.text() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { source: 'site', url, text: null, failure: reason };
  }
}
