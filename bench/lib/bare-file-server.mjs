/*
 * The baseline for the emulator's S3 throughput: a bare node:http server, run as its own process,
 * that streams a PUT body to a file in the directory it is given (temp file + rename, as the
 * emulator does) and streams it back on GET. No auth, no parsing: the floor on this disk.
 * With `--fsync` it makes a PUT as durable as the emulator makes one before answering: the file
 * flushed to disk before the rename, the directory after it; without, the bytes may still be in
 * the page cache when it answers.
 * Plain JavaScript, so it starts with bare `node` like the emulator's launcher (a fair cold-start
 * baseline). Usage: node bare-file-server.mjs <dir> [--fsync]; prints `listening http://127.0.0.1:<port>`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

const dir = process.argv[2];
if (!dir) throw new Error('Usage: bare-file-server.mjs <dir> [--fsync]');
const durable = process.argv.includes('--fsync');

/** fsync of a file or a directory. */
async function sync(path) {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const server = createServer(async (request, response) => {
  const name = encodeURIComponent(request.url ?? '/');
  const path = join(dir, name);
  try {
    if (request.method === 'PUT') {
      const temp = `${path}.${process.pid}.tmp`;
      await pipeline(request, createWriteStream(temp, { flush: durable }));
      await rename(temp, path);
      if (durable) await sync(dir);
      response.writeHead(200).end();
    } else if (request.method === 'GET') {
      const { size } = await stat(path);
      response.writeHead(200, { 'content-length': size });
      await pipeline(createReadStream(path), response);
    } else {
      response.writeHead(405).end();
    }
  } catch (error) {
    if (!response.headersSent) response.writeHead(500);
    response.end(String(error));
  }
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object')
    process.stdout.write(`listening http://127.0.0.1:${address.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
