/*
 * A minimal static file server for a built single-page app: serves files from `root`, answers
 * unknown paths with `index.html` (client-side routes), and nothing else. For the round-trips entry,
 * which needs the production build on one fixed origin that the stack's CORS rule allows.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { SetupError } from './errors.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves `root` on `host:port`; resolves once listening. */
export async function serveStatic(root: string, host: string, port: number): Promise<Server> {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = join(root, normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    const found = await stat(file).catch(() => undefined);
    if (!found?.isFile()) file = join(root, 'index.html');
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new SetupError(`Cannot serve the app on ${host}:${port} (${error.message}); is the port in use?`),
      ),
    );
    server.listen(port, host, () => resolve());
  });
  return server;
}
