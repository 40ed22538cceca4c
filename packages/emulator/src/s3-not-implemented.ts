/*
 * Stand-in for the S3 service until it lands: every S3-shaped request gets S3's XML
 * `NotImplemented` error (HTTP 501), so a client fails loudly rather than hanging.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { S3Service } from './server.js';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** An S3 service that implements nothing. */
export function createNotImplementedS3(): S3Service {
  return {
    async handle(req: IncomingMessage, res: ServerResponse) {
      req.resume();
      const body =
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NotImplemented</Code>' +
        `<Message>S3 (${escapeXml(`${req.method} ${req.url?.split('?')[0]}`)}) is not supported by the auth-s3 emulator yet</Message>` +
        `<RequestId>${randomUUID()}</RequestId></Error>`;
      res.writeHead(501, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    },
    async close() {},
  };
}
