/**
 * A small static file server on 127.0.0.1 for the browser tests. `mounts` maps URL prefixes to folders,
 * so a test can serve a course under any sub-path, next to an LMS-like parent page.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  /** Paths requested, in order, for asserting what was (not) loaded. */
  requests: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Compress text responses (the benchmark does; tests read plain bytes). */
  gzip?: boolean;
}

export async function serveStatic(
  mounts: Record<string, string>,
  extraRoutes: Record<string, string> = {},
  options: ServeOptions = {},
): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (extraRoutes[path] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'text/html' });
      res.end(extraRoutes[path]);
      return;
    }
    const prefix = Object.keys(mounts)
      .sort((a, b) => b.length - a.length)
      .find((p) => path.startsWith(p));
    if (prefix === undefined) return void res.writeHead(404).end();
    const rel = normalize(path.slice(prefix.length)).replace(/^([/\\])+/, '');
    if (rel.startsWith('..')) return void res.writeHead(403).end();
    let file = join(mounts[prefix]!, rel);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Text is sent gzipped when the browser asks for it, as any LMS's web server does.
    const gzip = options.gzip && /text|json|xml|svg/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    (gzip ? createReadStream(file).pipe(createGzip({ level: 9 })) : createReadStream(file)).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
