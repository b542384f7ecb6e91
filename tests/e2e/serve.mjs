// A small static server for the end-to-end tests and the bench: no dependencies, loopback
// only. Mounts are URL prefix -> folder; unknown paths may fall back to an SPA index.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain',
};

/**
 * Starts a server. `mounts`: [[urlPrefix, folder], ...] (longest prefix first).
 * `headers(urlPath)` may return extra response headers (e.g. a CSP for one fixture).
 * `fallback`: a file served for unknown paths without an extension (SPA routing).
 */
export function serve({ mounts, headers = () => ({}), fallback = null, port = 0, host = '127.0.0.1' }) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = null;
    for (const [prefix, dir] of mounts) {
      if (url.pathname.startsWith(prefix)) {
        const rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
        const candidate = path.resolve(dir, rel);
        if (candidate.startsWith(path.resolve(dir))) file = candidate;
        break;
      }
    }
    if (file && fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if ((!file || !fs.existsSync(file)) && fallback && !path.extname(url.pathname)) file = fallback;
    if ((!file || !fs.existsSync(file)) && fallback && url.pathname.endsWith('.html')) file = fallback;
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
      ...headers(url.pathname),
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

// `node tests/e2e/serve.mjs DIR [PORT]` serves one folder (used by make targets).
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || '.';
  const port = Number(process.argv[3] || 8080);
  serve({ mounts: [['/', dir]], port, fallback: path.join(dir, 'index.html') }).then((s) =>
    console.log(`serving ${dir} on http://127.0.0.1:${s.address().port}/`));
}
