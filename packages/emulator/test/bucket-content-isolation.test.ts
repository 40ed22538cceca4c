/*
 * Bucket content cannot read the emulator's own endpoints. The bucket is served from the
 * emulator's origin, so without a guard an HTML object opened through its presigned URL could
 * fetch `/_emulator/inbox` same-origin and read everyone's codes. Every S3 answer carries
 * `Content-Security-Policy: sandbox …` (scripts still run), which gives such a document an opaque
 * origin: `/_emulator/` is then another origin and sends no CORS headers, so nothing there is
 * readable. Proven in headless Chromium, launched as the browser tests launch it
 * (`@auth-s3/browser-testing`), with a page that tries fetch, no-cors fetch, XHR and an iframe.
 */

import { launchChromium } from '@auth-s3/browser-testing';
import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.js';

/** The page an attacker uploads: it reports what each way of reaching the inbox gave it. */
const ATTACK_PAGE = `<!doctype html>
<html><body><script>
const report = {};
const attempt = async (name, read) => {
  try { report[name] = 'read: ' + (await read()); } catch (error) { report[name] = 'failed: ' + error; }
};
const loadFrame = () => new Promise((resolve) => {
  const frame = document.createElement('iframe');
  frame.addEventListener('load', () => resolve(frame));
  frame.src = '/_emulator/';
  document.body.append(frame);
});
(async () => {
  await attempt('fetch', () => fetch('/_emulator/inbox').then((r) => r.text()));
  await attempt('no-cors fetch', () => fetch('/_emulator/inbox', { mode: 'no-cors' }).then((r) => r.text()));
  await attempt('xhr', () => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', '/_emulator/inbox');
    xhr.onload = () => resolve(xhr.responseText);
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send();
  }));
  const frame = await loadFrame();
  await attempt('iframe', async () => frame.contentDocument.body.innerText);
  document.body.dataset.report = JSON.stringify(report);
})();
</script></body></html>`;

const email = 'ada@example.com';
const password = 'Correct-Horse-1';
let h: Harness;
let browser: Browser;
let s3: S3Client;
let key: string;

beforeAll(async () => {
  h = await startHarness({
    userPoolClient: { explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  });
  // A code in the inbox that the page must not read.
  await h.createUser(email, password);
  const { AuthenticationResult } = await h.passwordSignIn(email, password);
  const Logins = {
    [h.provider]: AuthenticationResult?.IdToken ?? '',
  };
  const { IdentityId } = await h.identity.send(
    new GetIdCommand({ IdentityPoolId: h.model.identityPool.id, Logins }),
  );
  const { Credentials } = await h.identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }));
  s3 = h.s3For(Credentials);
  key = `public/${IdentityId}/attack.html`;
  await s3.send(
    new PutObjectCommand({
      Bucket: h.model.bucket.name,
      Key: key,
      Body: ATTACK_PAGE,
      ContentType: 'text/html',
    }),
  );
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  s3?.destroy();
  await h.close();
});

describe('an HTML object opened through its presigned URL', () => {
  it('runs its script but reads nothing from /_emulator/', async () => {
    const code = h.codeFor(email);
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: h.model.bucket.name, Key: key }), {
      expiresIn: 300,
    });
    const page = await browser.newPage();
    try {
      await page.goto(url);
      const report = JSON.parse(
        (await page
          .waitForFunction(() => document.body.dataset.report, undefined, { timeout: 20_000 })
          .then((handle) => handle.jsonValue())) as string,
      ) as Record<string, string>;
      expect(Object.keys(report)).toEqual(['fetch', 'no-cors fetch', 'xhr', 'iframe']);
      for (const [how, outcome] of Object.entries(report)) {
        expect(outcome, how).not.toContain(code);
        expect(outcome, how).not.toContain(email);
      }
      expect(report.fetch).toMatch(/^failed: TypeError/);
      expect(report.xhr).toMatch(/^failed/);
    } finally {
      await page.close();
    }
  }, 60_000);

  it('is otherwise S3’s answer: the object’s bytes and type, status 200', async () => {
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: h.model.bucket.name, Key: key }), {
      expiresIn: 300,
    });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe(ATTACK_PAGE);
    expect(response.headers.get('content-security-policy')).toMatch(/^sandbox\b/);
  });

  it('leaves the inbox readable from the emulator’s own page', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${h.emulator.endpoint}/_emulator/`);
      const text = await page.evaluate(async () => (await fetch('/_emulator/inbox')).text());
      expect(text).toContain(h.codeFor(email));
    } finally {
      await page.close();
    }
  }, 60_000);
});
