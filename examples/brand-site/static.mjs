import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

/**
 * Serves a built single-page app (e.g. the React example's `vite build` output) from `dir` at
 * `base`: files by path; a page without a file gets index.html.
 */
export function serveStatic(dir, { base = '/' } = {}) {
  const root = resolve(dir);
  return async (req, res, next) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!pathname.startsWith(base)) return next();
    const path = pathname.slice(base.length - 1);
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return next();
    // a page (no extension) falls back to index.html; a missing file is a 404
    for (const candidate of extname(path) ? [file] : [file, join(root, 'index.html')]) {
      try {
        const body = await readFile(candidate);
        const hashed = candidate.includes(`${sep}assets${sep}`);
        res.writeHead(200, {
          'content-type': types[extname(candidate)] ?? 'application/octet-stream',
          'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
        res.end(body);
        return;
      } catch {
        // not there (or a folder)
      }
    }
    next();
  };
}
