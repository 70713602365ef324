/**
 * Builds the browser example and, with --serve, serves it:
 *
 *   npm run build                              # the library itself, into dist/
 *   node examples/browser/build.mjs --serve    # bundle the page and the worker, then serve
 *
 * The page and its worker import `forlob` and `forlob/plot` as any application would; esbuild
 * resolves them through the package's `exports` (here the package refers to itself, so the
 * repository's built dist/ is what gets bundled) and bundles their dependencies (seedrandom
 * is CommonJS, so a bundler is needed rather than an import map). Code shared by the page and
 * the worker goes into chunks both load, and vega loads only when the worker draws.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');

/** Bundle main.js and worker.js into dist/ beside index.html. */
export async function build({ quiet = false } = {}) {
  if (!existsSync(join(ROOT, 'dist', 'index.js')))
    throw new Error('dist/index.js is missing: run `npm run build` first (the example bundles the built library)');
  return esbuild.build({
    entryPoints: [join(HERE, 'main.js'), join(HERE, 'worker.js')],
    outdir: join(HERE, 'dist'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: quiet ? 'error' : 'info',
    // vega's bundles exceed esbuild's size hint; they load only when the worker draws.
    logOverride: { 'large-file': 'silent' },
  });
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml' };

/**
 * Serve the example's folder on 127.0.0.1 (port 0: any free port). Module workers need
 * http(s), not file://. Resolves to the server once it listens; its URL is
 * `http://127.0.0.1:${server.address().port}/`.
 */
export function serve(port = 0) {
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request'); // a malformed escape must not stop the server
      return;
    }
    const file = normalize(join(HERE, path.endsWith('/') ? `${path}index.html` : path));
    const type = TYPES[extname(file)];
    if (!file.startsWith(HERE + sep) || !type || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build();
  const at = process.argv.indexOf('--serve');
  if (at >= 0) {
    const server = await serve(Number(process.argv[at + 1] ?? 8080));
    console.log(`forlob's browser example: http://127.0.0.1:${server.address().port}/ (Ctrl-C stops it)`);
  }
}
