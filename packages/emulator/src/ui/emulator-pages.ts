/*
 * The developer's window into the emulator: `/_emulator/inbox` (JSON, newest first, `?to=`
 * filters), `/_emulator/totp` (JSON: each enrolled user's current authenticator code, `?email=`
 * filters; a local convenience with no counterpart in AWS) and `/_emulator/`, a small
 * self-refreshing HTML page with the inbox, the codes, the users and the recent requests,
 * including S3's authorization decisions and the statement behind each.
 * No CORS headers: only the emulator's own page (same origin) or a non-browser client reads them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http.js';
import type { RequestLog } from '../request-log.js';
import type { Services } from '../services/index.js';
import { TIME_STEP_MS, timeStep, totpCode } from '../services/totp.js';

/** One enrolled user's authenticator code now, as `/_emulator/totp` lists it. */
export interface CurrentTotpCode {
  email: string;
  username: string;
  code: string;
  /** Seconds until the code changes. */
  validForSeconds: number;
  /** Whether this code was already accepted once (then the next one is needed). */
  used: boolean;
}

/** The current code of every user with a verified authenticator app, optionally only `email`'s. */
function currentTotpCodes(services: Services, email?: string): CurrentTotpCode[] {
  const now = services.clock.now();
  const wanted = email?.toLowerCase();
  return services.users.list().flatMap((user) => {
    const token = user.softwareToken;
    const address = user.attributes.email ?? '';
    if (token?.secret === undefined || (wanted !== undefined && address.toLowerCase() !== wanted)) return [];
    return [
      {
        email: address,
        username: user.username,
        code: totpCode(token.secret, now),
        validForSeconds: Math.ceil(((timeStep(now) + 1) * TIME_STEP_MS - now) / 1000),
        used: token.lastUsedStep !== undefined && token.lastUsedStep >= timeStep(now),
      },
    ];
  });
}

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const time = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19);

function table(headings: string[], rows: unknown[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const head = headings.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function page(services: Services, requestLog: RequestLog): string {
  const { model } = services;
  const inbox = services.inbox
    .list()
    .slice(0, 50)
    .map((m) => [m.sentAt.replace('T', ' ').slice(0, 19), m.to, m.kind, m.code]);
  const users = services.users
    .list()
    .map((u) => [
      u.attributes.email ?? '',
      u.username,
      u.status,
      u.attributes.email_verified ?? '',
      time(u.createdAt),
    ]);
  const codes = currentTotpCodes(services).map((c) => [
    c.email,
    c.code,
    `${c.validForSeconds} s`,
    c.used ? 'used: wait for the next' : '',
  ]);
  const requests = requestLog
    .recent()
    .slice(0, 100)
    .map((r) => [time(r.time), r.service, r.operation, r.status, r.error ?? '']);
  const decisions = requestLog
    .decisions()
    .slice(0, 100)
    .map((d) => [time(d.time), d.method, d.key ?? '', d.action, d.decision, d.summary]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>auth-s3 emulator</title>
<style>
body{font:14px system-ui,sans-serif;margin:2rem;color:#222}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ddd;font-family:ui-monospace,monospace;font-size:12px}
th{background:#f4f4f4}.empty{color:#777}code{background:#f4f4f4;padding:0 .25rem}
</style></head><body>
<h1>auth-s3 emulator</h1>
<p>Endpoint <code>${escapeHtml(services.endpoint())}</code> · user pool <code>${escapeHtml(model.userPool.id)}</code>
 · client <code>${escapeHtml(model.userPoolClient.id)}</code> · identity pool <code>${escapeHtml(model.identityPool.id)}</code>
 · bucket <code>${escapeHtml(model.bucket.name)}</code></p>
<h2 id="inbox">Inbox</h2>
${table(['Sent', 'To', 'Kind', 'Code'], inbox, 'No mail yet. Sign up to get a code.')}
<h2 id="totp">Authenticator codes</h2>
${table(['Email', 'Code now', 'Changes in', ''], codes, 'No user has set up an authenticator app.')}
<h2 id="users">Users</h2>
${table(['Email', 'Username', 'Status', 'Email verified', 'Created'], users, 'No users yet.')}
<h2 id="decisions">S3 decisions</h2>
${table(['Time', 'Method', 'Key', 'Action', 'Decision', 'Why'], decisions, 'No S3 requests yet.')}
<h2 id="requests">Recent requests</h2>
${table(['Time', 'Service', 'Operation', 'Status', 'Error'], requests, 'No requests yet.')}
</body></html>`;
}

/** Answers `/_emulator/…` requests. */
export function serveEmulatorPages(
  req: IncomingMessage,
  res: ServerResponse,
  deps: { services: Services; requestLog: RequestLog },
): void {
  const url = new URL(req.url ?? '/', 'http://emulator');
  if (url.pathname === '/_emulator/inbox') {
    sendJson(
      res,
      200,
      deps.services.inbox.list(url.searchParams.get('to') ?? undefined).map(({ username: _u, ...m }) => m),
    );
  } else if (url.pathname === '/_emulator/totp') {
    sendJson(res, 200, currentTotpCodes(deps.services, url.searchParams.get('email') ?? undefined));
  } else if (url.pathname === '/_emulator' || url.pathname === '/_emulator/') {
    const html = page(deps.services, deps.requestLog);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
    });
    res.end(html);
  } else {
    sendJson(res, 404, {
      message: `Nothing at ${url.pathname}; try /_emulator/, /_emulator/inbox or /_emulator/totp`,
    });
  }
}
