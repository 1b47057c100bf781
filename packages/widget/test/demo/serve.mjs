// A tiny fake API and page for looking at the built widget:
//   npm run build && node packages/widget/test/demo/serve.mjs [port]
// States: /?state=empty | error | expired | loading
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describeTerms } from '@affdash/core/commission';
import { dashboardMessages } from '@affdash/core/messages';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const { outputFiles } = await build({
  entryPoints: [here('../fixtures.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
});
const fixtures = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  res.end(JSON.stringify(body));
};

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const state = new URL(req.headers.referer ?? url.href).searchParams.get('state') ?? url.searchParams.get('state');
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end(await readFile(here('./index.html')));
  }
  if (url.pathname === '/affdash-widget.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' });
    return res.end(await readFile(here('../../dist/affdash-widget.js')));
  }
  if (url.pathname === '/token') return res.end(fixtures.makeToken());
  if (url.pathname.startsWith('/v1/dashboard/enrollments/')) {
    if (state === 'error') return json(res, 503, { error: { code: 'internal', message: 'down' } });
    if (state === 'expired') return json(res, 401, { error: { code: 'token_expired', message: 'expired' } });
    if (url.pathname.endsWith('/conversions')) return json(res, 200, fixtures.olderConversions);
    if (url.pathname.endsWith('/payments')) return json(res, 200, { data: [], nextCursor: null });
    if (url.pathname.endsWith('/series')) {
      return json(res, 200, fixtures.makeSeries(url.searchParams.get('from'), url.searchParams.get('to')));
    }
    if (url.pathname.endsWith('.csv')) {
      res.writeHead(200, { 'content-type': 'text/csv' });
      return res.end('id,status\r\ncnv_9f3Kd82LsQ,pending\r\n');
    }
    const empty = { data: [], nextCursor: null };
    const locale = url.searchParams.get('locale') ?? undefined;
    const dashboard = fixtures.makeDashboard(state === 'empty' ? { conversions: empty, payments: empty } : {});
    dashboard.offer.terms = describeTerms(dashboard.offer, fixtures.tierProgress, locale);
    return json(res, 200, { ...dashboard, messages: dashboardMessages(locale) });
  }
  res.writeHead(404).end();
}).listen(Number(process.argv[2] ?? 8787), () => console.log('demo on http://localhost:' + (process.argv[2] ?? 8787)));
