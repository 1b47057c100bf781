import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding } from '../src/http/accept-encoding.js';
import { createApp, createDeps } from '../src/index.js';
import { backends } from './backends.js';
import { PUBLIC_URL, SECRET, useApp } from './harness.js';

describe('Accept-Encoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
  });
});

describe.each(backends().slice(0, 1))('the widget file on $name', (backend) => {
  const t = useApp(backend);
  let dir: string;
  let file: string;
  const source = `export const widget = ${JSON.stringify('x'.repeat(20_000))};\n`;
  const brandSource = `export const brand = ${JSON.stringify('y'.repeat(30_000))};\n`;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'affdash-widget-'));
    file = path.join(dir, 'affdash-widget.js');
    await writeFile(file, source);
    // a precompressed copy that is of another file is not sent
    await writeFile(`${file}.gz`, zlib.gzipSync('stale'));
    await writeFile(path.join(dir, 'affdash-brand.js'), brandSource);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const app = () => createApp(createDeps(t.db, { secret: SECRET, publicUrl: PUBLIC_URL, widgetFile: file }));

  it('goes out brotli or gzip by Accept-Encoding, under a hashed immutable URL and a short-cached plain one', async () => {
    const a = app();
    const br = await a.request('/widget/affdash-widget.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    expect(br.headers.get('cache-control')).toBe('public, max-age=300');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(source.length / 10);
    expect(zlib.brotliDecompressSync(brBody).toString()).toBe(source);

    const gz = await a.request('/widget/affdash-widget.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(source);

    const plain = await a.request('/widget/affdash-widget.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(source);

    const etag = plain.headers.get('etag')!;
    const hash = /^"([0-9a-f]{16})"$/.exec(etag)![1];
    const hashed = await a.request(`/widget/affdash-widget.${hash}.js`, { headers: { 'accept-encoding': 'br' } });
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(Buffer.from(await hashed.arrayBuffer())).toString()).toBe(source);
    expect((await a.request('/widget/affdash-widget.0123456789abcdef.js')).status).toBe(404);
    expect((await a.request('/widget/affdash-widget.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('the brand components go out compressed too, with an ETag', async () => {
    const a = app();
    const br = await a.request('/widget/affdash-brand.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=300');
    expect(br.headers.get('access-control-allow-origin')).toBe('*');
    const packed = Buffer.from(await br.arrayBuffer());
    expect(packed.length).toBeLessThan(brandSource.length / 10);
    expect(zlib.brotliDecompressSync(packed).toString()).toBe(brandSource);
    const etag = br.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect((await a.request('/widget/affdash-brand.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect(await (await a.request('/widget/affdash-brand.js')).text()).toBe(brandSource);
  });

  it('the hosted page loads the widget from its hashed URL', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const page = await app().request(enrollment.dashboardUrl.slice(PUBLIC_URL.length));
    const html = await page.text();
    const src = /<script type="module" src="([^"]+)"><\/script>/.exec(html)![1]!;
    expect(src).toMatch(/^\/widget\/affdash-widget\.[0-9a-f]{16}\.js$/);
    expect((await app().request(src)).status).toBe(200);
  });
});

describe.each(backends().slice(0, 1))('compressed answers on $name', (backend) => {
  const t = useApp(backend);

  it('compresses JSON and pages above 1 KiB, by Accept-Encoding, and leaves small ones alone', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const token = await brand.token(enrollment.id);
    const path = `/v1/dashboard/enrollments/${enrollment.id}`;
    const plain = await t.dashboard(token, path);
    const br = await t.app.request(path, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    const body = Buffer.from(await br.arrayBuffer());
    expect(body.length).toBeLessThan(plain.text.length / 3);
    expect(JSON.parse(zlib.brotliDecompressSync(body).toString()).enrollment.id).toBe(enrollment.id);

    const gz = await t.app.request(path, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).enrollment.id).toBe(enrollment.id);

    const small = await t.app.request('/v1/brand/allowed-origins', {
      headers: { authorization: `Bearer ${brand.apiKey}`, 'accept-encoding': 'br' },
    });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ origins: [] });

    const page = await t.app.request(enrollment.dashboardUrl.slice(PUBLIC_URL.length), { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await page.arrayBuffer())).toString()).toMatch(/^<!doctype html>/);
  });
});
