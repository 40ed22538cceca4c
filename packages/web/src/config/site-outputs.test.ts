/**
 * @vitest-environment node
 */
/* fetchSiteOutputs: the deployed site's outputs file, from the app's own origin, never a throw. */

import { readFileSync } from 'node:fs';
import { SITE_OUTPUTS_FILE } from '@auth-s3/outputs';
import { describe, expect, it } from 'vitest';
import { fetchSiteOutputs } from './site-outputs';

describe('fetchSiteOutputs', () => {
  it('fetches the file next to index.html and hands over its text', async () => {
    const asked: string[] = [];
    const outputs = await fetchSiteOutputs('https://d111.cloudfront.net/', async (url) => {
      asked.push(String(url));
      return new Response('{"AuthS3Stack":{}}');
    });
    expect(asked).toEqual(['https://d111.cloudfront.net/aws-outputs.json']);
    expect(outputs).toEqual({
      source: 'site',
      url: 'https://d111.cloudfront.net/aws-outputs.json',
      text: '{"AuthS3Stack":{}}',
    });
  });

  it('gives no text and the status when the site answers with an error', async () => {
    const outputs = await fetchSiteOutputs(
      'https://x.example/',
      async () => new Response('<Error/>', { status: 403, statusText: 'Forbidden' }),
    );
    expect(outputs).toMatchObject({ text: null, failure: 'HTTP 403 Forbidden' });
  });

  it('gives no text and the reason when the request fails', async () => {
    const outputs = await fetchSiteOutputs('https://x.example/', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(outputs).toMatchObject({ text: null, failure: 'Failed to fetch' });
  });

  it("is the file index.html preloads, so the app's fetch reuses that request", () => {
    const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    expect(html).toMatch(
      new RegExp(
        `<link rel="preload" href="/${SITE_OUTPUTS_FILE.replace('.', '\\.')}" as="fetch" crossorigin`,
      ),
    );
  });
});
