import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { LINK_REQUEST_LIMITS } from '../src/dashboard-links/requests.js';
import { backends } from './backends.js';
import { PUBLIC_URL, read, useApp, type BrandClient } from './harness.js';

const { sql } = pg;

/** The first screen the page carries inside the widget. */
function inlineFirstScreen(html: string) {
  const match = /<affiliate-dashboard[^>]*><script type="application\/json">(.*?)<\/script><\/affiliate-dashboard>/s.exec(html);
  expect(match, 'the page carries the first screen').not.toBeNull();
  return JSON.parse(match![1]!);
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe.each(backends())('hosted pages on $name', (backend) => {
  const t = useApp(backend);

  async function open(brand: BrandClient, headers: Record<string, string> = {}, query = '') {
    const { enrollment, member, offer } = await brand.setup({ name: 'Spring Glow' });
    const path = enrollment.dashboardUrl.slice(PUBLIC_URL.length) as string;
    const page = await read(await t.app.request(path + query, { headers }));
    return { enrollment, member, offer, path, page };
  }

  it("speaks the browser's language, with its words in the first screen, and ?locale= switches", async () => {
    const brand = await t.brand('Glow');
    const { page, path } = await open(brand, { 'accept-language': 'de-DE,de;q=0.9,en;q=0.5' });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/^<!doctype html>\n<html lang="de" dir="ltr">/);
    expect(page.text).toContain('<h1>Glow <span>· Partner-Dashboard</span></h1>');
    expect(page.text).toContain('<affiliate-dashboard api-base="" locale="de" theme="auto">');
    const first = inlineFirstScreen(page.text);
    expect(first.messages.locale).toBe('de');
    expect(first.messages.words.share).toBe('Teilen');
    expect(first.offer.name).toBe('Spring Glow');
    // a language link for each built-in language, the current one marked
    expect(page.text).toContain('<a href="/d/?locale=fr" hreflang="fr" lang="fr">Français</a>');
    expect(page.text).toMatch(/<a href="\/d\/\?locale=de" hreflang="de" lang="de" aria-current="true">Deutsch<\/a>/);

    const french = await read(await t.app.request(`${path}?locale=fr`, { headers: { 'accept-language': 'de' } }));
    expect(french.text).toMatch(/<html lang="fr" dir="ltr">/);
    expect(inlineFirstScreen(french.text).messages.locale).toBe('fr');
    const english = await read(await t.app.request(`${path}?locale=en`, { headers: { 'accept-language': 'de' } }));
    expect(english.text).toMatch(/<html lang="en" dir="ltr">/);
    expect(inlineFirstScreen(english.text).messages).toBeUndefined();
  });

  it("wears the brand profile: default language, theme, accent, font, logo as favicon, title with brand and offer", async () => {
    const brand = await t.brand('Glow Cosmetics');
    await brand.ok('PATCH', '/v1/brand/profile', {
      displayName: 'Glow',
      defaultLocale: 'es',
      theme: 'dark',
      accentColor: '#ffd60a',
      fontFamily: '"Inter", sans-serif',
      logoUrl: 'https://cdn.glow.example/logo.png',
    }, 200);
    const { page } = await open(brand, { 'accept-language': 'ja' });
    expect(page.text).toMatch(/<html lang="es" dir="ltr">/);
    expect(page.text).toContain('<title>Spring Glow · Glow</title>');
    expect(page.text).toContain('<link rel="icon" href="https://cdn.glow.example/logo.png">');
    expect(page.text).toContain('<img src="https://cdn.glow.example/logo.png" alt="">');
    expect(page.text).toContain('color-scheme: dark;');
    expect(page.text).toContain('--affdash-color-accent: #ffd60a; --affdash-color-on-accent: #000000;');
    expect(page.text).toContain('--font: "Inter", sans-serif, system-ui');
    expect(page.text).toContain('theme="dark"');
    const first = inlineFirstScreen(page.text);
    expect(first.brand).toEqual({ name: 'Glow', logoUrl: 'https://cdn.glow.example/logo.png', accentColor: '#ffd60a', accentTextColor: '#000000' });

    const plain = await open(await t.brand('Plain'));
    expect(plain.page.text).toContain('<link rel="icon" href="/assets/mark.svg">');
    expect(plain.page.text).toContain('color-scheme: light dark;');
    expect(plain.page.text).not.toContain('--affdash-color-accent:');
  });

  it('a paused enrollment opens its dashboard with the reason above it', async () => {
    const brand = await t.brand('Glow');
    const { enrollment, path } = await open(brand);
    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'paused' }, 200);
    const page = await read(await t.app.request(path));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<p class="banner" role="status">Glow has paused this partnership.');
    expect(inlineFirstScreen(page.text).enrollment.status).toBe('paused');
  });

  it('notice pages say what happened in the reader’s language and the brand’s look', async () => {
    const brand = await t.brand('Glow');
    const { enrollment, path } = await open(brand);
    const unknown = await read(await t.app.request(`/d/${'A'.repeat(43)}`, { headers: { 'accept-language': 'pt-BR' } }));
    expect(unknown.status).toBe(404);
    expect(unknown.text).toMatch(/<html lang="pt" dir="ltr">/);
    expect(unknown.text).toContain('Este link não abre nenhum painel');
    expect(unknown.text).toContain('<link rel="icon" href="/assets/mark.svg">');

    await brand.ok('POST', `/v1/enrollments/${enrollment.id}/rotate-dashboard-link`, undefined, 200);
    const replaced = await read(await t.app.request(path, { headers: { 'accept-language': 'fr' } }));
    expect(replaced.status).toBe(410);
    expect(replaced.text).toContain('Ce lien a été remplacé');
    expect(replaced.text).toContain('Glow vous a donné un lien plus récent vers votre tableau de bord Spring Glow');
    expect(replaced.text).toContain('<form method="post" action="/d/request-link"');
    expect(replaced.text).toContain('<title>Ce lien a été remplacé · Glow</title>');

    const second = await open(brand);
    await brand.ok('PATCH', '/v1/brand/profile', { replyTo: 'partners@glow.example' }, 200);
    await brand.ok('PATCH', `/v1/enrollments/${second.enrollment.id}`, { status: 'ended' }, 200);
    const ended = await read(await t.app.request(second.path, { headers: { 'accept-language': 'es' } }));
    expect(ended.status).toBe(410);
    expect(ended.text).toContain('Tu colaboración ha terminado');
    expect(ended.text).toContain('href="mailto:partners@glow.example"');
  });

  it('emails the current link to a member of the offer, answers the same for any address, throttles and logs', async () => {
    const brand = await t.brand('Glow');
    const { enrollment, member, path } = await open(brand);
    await brand.ok('POST', `/v1/enrollments/${enrollment.id}/rotate-dashboard-link`, undefined, 200);
    const replaced = await read(await t.app.request(path));
    const context = /name="context" value="([^"]+)"/.exec(replaced.text)![1]!;

    const known = await read(await t.app.request('/d/request-link', form({ context, email: ' MAYA@example.com ', locale: 'de' })));
    expect(known.status).toBe(200);
    expect(known.text).toContain('Sieh in dein Postfach');
    const messages = await brand.ok('GET', `/v1/emails/messages?memberId=${member.id}`, undefined, 200);
    expect(messages.data).toHaveLength(1);
    expect(messages.data[0]).toMatchObject({ kind: 'tracking_items', to: 'maya@example.com', enrollmentId: enrollment.id });

    const stranger = await read(await t.app.request('/d/request-link', form({ context, email: 'nobody@example.com', locale: 'de' })));
    expect(stranger.status).toBe(200);
    expect(stranger.text.replace(/nobody@example.com/g, 'X')).toBe(known.text.replace(/MAYA@example.com/g, 'X'));
    expect((await brand.ok('GET', '/v1/emails/messages', undefined, 200)).data).toHaveLength(1);

    for (let i = 1; i < LINK_REQUEST_LIMITS.perAddress; i++) {
      expect((await t.app.request('/d/request-link', form({ context, email: 'nobody@example.com' }))).status).toBe(200);
    }
    const throttled = await read(await t.app.request('/d/request-link', form({ context, email: 'nobody@example.com' })));
    expect(throttled.status).toBe(429);
    expect(throttled.text).toContain('Too many requests');

    const log = await t.db.query<{ outcome: string; enrollment_id: string | null; message_id: string | null; email_hash: string }>(sql`
      SELECT outcome, enrollment_id, message_id, email_hash FROM dashboard_link_requests
      WHERE brand_id = ${brand.brandId} ORDER BY created_at, id`);
    expect(log.map((r) => r.outcome)).toEqual(['sent', 'not_found', 'not_found', 'not_found', 'throttled']);
    expect(log[0]).toMatchObject({ enrollment_id: enrollment.id, message_id: messages.data[0].id });
    expect(log.every((r) => /^[0-9a-f]{64}$/.test(r.email_hash) && !r.email_hash.includes('@'))).toBe(true);

    // a bad address shows the form again; a form this server did not make is refused
    const bad = await read(await t.app.request('/d/request-link', form({ context, email: 'not-an-address' })));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Enter a valid email address.');
    expect(bad.text).toContain('aria-invalid="true"');
    const at = context.length - 10;
    const forged = context.slice(0, at) + (context[at] === 'A' ? 'B' : 'A') + context.slice(at + 1);
    expect((await t.app.request('/d/request-link', form({ context: forged, email: 'maya@example.com' }))).status).toBe(400);
    expect((await t.app.request('/d/request-link', form({}))).status).toBe(400);
  });

  it('a signed-out session offers the form; the tracking link of a paused enrollment is a branded notice', async () => {
    const brand = await t.brand('Glow');
    const { enrollment, path } = await open(brand);
    const res = await t.app.request(path);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    await brand.ok('POST', `/v1/enrollments/${enrollment.id}/rotate-dashboard-link`, undefined, 200);
    const signedOut = await read(await t.app.request('/d/', { headers: { cookie, 'accept-language': 'es' } }));
    expect(signedOut.status).toBe(401);
    expect(signedOut.text).toContain('Se ha cerrado tu sesión');
    expect(signedOut.text).toContain('action="/d/request-link"');

    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'paused' }, 200);
    const tracking = await read(await t.app.request(enrollment.trackingUrl.slice(PUBLIC_URL.length), { headers: { 'accept-language': 'de' } }));
    expect(tracking.status).toBe(410);
    expect(tracking.text).toContain('Dieser Link ist pausiert');
    expect(tracking.text).toContain('Glow hat diesen Partnerlink');
  });
});
