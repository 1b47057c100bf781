import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { PUBLIC_URL, read, useApp } from './harness.js';

/** The token the hosted page embeds for the widget. */
function embeddedToken(html: string): string {
  const match = /<script type="application\/json" id="affdash-token">(.*?)<\/script>/s.exec(html);
  expect(match, 'the page embeds a token').not.toBeNull();
  return JSON.parse(match![1]!).token;
}

describe.each(backends())('hosted dashboard page on $name', (backend) => {
  const t = useApp(backend);

  it('serves the page with the widget and a token that reads the dashboard', async () => {
    const brand = await t.brand('Glow <Cosmetics>');
    const { enrollment } = await brand.setup({ name: 'Summer & Sun' });
    const path = enrollment.dashboardUrl.slice(PUBLIC_URL.length);
    expect(path).toMatch(/^\/d\//);

    const page = await read(await t.app.request(path));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.text).toContain('<affiliate-dashboard');
    // the widget's content-hashed URL when it is built, else its plain one
    expect(page.text).toMatch(/<script type="module" src="\/widget\/affdash-widget(\.[0-9a-f]{16})?\.js"><\/script>/);
    expect(page.text).toMatch(/<h1>Glow &lt;Cosmetics&gt; <span>· Partner dashboard<\/span><\/h1>/);
    expect(page.text).toContain('<title>Summer &amp; Sun · Glow &lt;Cosmetics&gt;</title>');
    const nonce = /nonce="([^"]+)"/.exec(page.text)![1];
    expect(page.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);

    const token = embeddedToken(page.text);
    const dashboard = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.enrollment.promoCode).toBe(enrollment.promoCode);
    expect(dashboard.body.offer.name).toBe('Summer & Sun');
  });

  it('POST /d/<link>/token gives a fresh working token', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const path = enrollment.dashboardUrl.slice(PUBLIC_URL.length);
    const answer = await read(await t.app.request(`${path}/token`, { method: 'POST' }));
    expect(answer.status).toBe(201);
    const lifetime = Date.parse(answer.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000);
    const dashboard = await t.dashboard(answer.body.token, `/v1/dashboard/enrollments/${enrollment.id}`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.enrollment.id).toBe(enrollment.id);
  });

  it('an unknown link is a 404 page; the link of an ended enrollment a 410 page', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const path = enrollment.dashboardUrl.slice(PUBLIC_URL.length);
    for (const bad of ['/d/' + 'A'.repeat(43), '/d/short', `${path}x`, '/d/' + 'é'.repeat(30)]) {
      const page = await read(await t.app.request(bad));
      expect(page.status, bad).toBe(404);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.text).toContain('This link doesn’t open a dashboard');
      expect(page.text).not.toContain('affdash-token');
      const token = await read(await t.app.request(`${bad}/token`, { method: 'POST' }));
      expect(token.status).toBe(404);
      expect(token.body.error.code).toBe('not_found');
    }
    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'ended' }, 200);
    const ended = await read(await t.app.request(path));
    expect(ended.status).toBe(410);
    expect(ended.text).toContain('Your partnership has ended');
    expect(ended.text).not.toContain('affdash-token');
    expect((await t.app.request(`${path}/token`, { method: 'POST' })).status).toBe(404);
  });
});
