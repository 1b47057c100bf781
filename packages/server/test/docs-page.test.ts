import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { call, useApp } from './harness.js';

describe.each(backends().slice(0, 1))('the API reference page on $name', (backend) => {
  const t = useApp(backend);

  it('renders /openapi.json with a script this server serves, and nothing from elsewhere', async () => {
    const page = await call(t.app, 'GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('<title>affdash API reference</title>');
    expect(page.text).toContain('/openapi.json');
    expect(page.text).toContain('src="/docs/reference.js"');
    expect(page.text).not.toMatch(/https?:\/\/(?!localhost)[a-z0-9.-]+\.[a-z]{2,}\/[^"]*\.(js|css)/i);
  });

  it('serves the script compressed by Accept-Encoding, cached for a day', async () => {
    const plain = await t.app.request('/docs/reference.js');
    const body = Buffer.from(await plain.arrayBuffer());
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=86400');
    const packed = await t.app.request('/docs/reference.js', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(packed.headers.get('content-encoding')).toBe('br');
    const compressed = Buffer.from(await packed.arrayBuffer());
    expect(compressed.length).toBeLessThan(body.length / 3);
    expect(brotliDecompressSync(compressed).equals(body)).toBe(true);
  });
});
