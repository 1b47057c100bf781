import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { Scalar } from '@scalar/hono-api-reference';
import type { AppEnv } from '../../http/context.js';
import { chooseEncoding } from '../../http/accept-encoding.js';
import { Auth, Media, route } from '../../http/route.js';
import { router } from '../../http/router.js';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** The reference page's script, served from here: the page works without any other host. */
const SCRIPT_PATH = '/docs/reference.js';

/** The API reference's standalone script, from the installed package. */
function scriptFile(): string {
  const entry = createRequire(import.meta.url).resolve('@scalar/api-reference');
  return join(dirname(entry), 'browser', 'standalone.js');
}

interface Encoded {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

/** Read and compressed once, on first use (the file is some megabytes). */
let script: Promise<Encoded> | undefined;
function loadScript(): Promise<Encoded> {
  return (script ??= readFile(scriptFile()).then(async (identity) => ({
    identity,
    gzip: await gzip(identity, { level: 9 }),
    br: await brotli(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
  })));
}

const referencePage = Scalar<AppEnv>({
  url: '/openapi.json',
  pageTitle: 'affdash API reference',
  cdn: SCRIPT_PATH,
  hideClientButton: true,
  telemetry: false,
  withDefaultFonts: false,
  showDeveloperTools: 'never',
  agent: { disabled: true },
  mcp: { disabled: true },
  favicon: '/assets/mark.svg',
  metaData: { title: 'affdash API reference', description: 'The affdash HTTP API, v1' },
});

const page = route({
  method: 'get',
  path: '/',
  tag: 'Public',
  auth: Auth.none,
  summary: 'The API reference',
  description: 'This document as a page to read and search, with examples in several languages.',
  responses: { 200: { description: 'The reference page', media: Media.html } },
});

const pageScript = route({
  method: 'get',
  path: '/reference.js',
  tag: 'Public',
  auth: Auth.none,
  summary: "The reference page's script",
  description: 'Served here, brotli or gzip by `Accept-Encoding`, so the page needs no other host.',
  responses: { 200: { description: 'The script', media: Media.javascript } },
});

/**
 * `/docs`: the API reference, rendered from `/openapi.json` (the same document the routes'
 * definitions make), with its script served by this server.
 */
export function docsRoutes() {
  return router()
    .openapi(page, async (c) => (await referencePage(c, async () => {})) as Response)
    .openapi(pageScript, async (c) => {
      const file = await loadScript();
      const encoding = chooseEncoding(c.req.header('accept-encoding'));
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=86400');
      c.header('Vary', 'Accept-Encoding');
      if (encoding !== 'identity') c.header('Content-Encoding', encoding);
      return c.body(new Uint8Array(file[encoding]));
    });
}
