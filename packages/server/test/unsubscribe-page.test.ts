import { describe, expect, it } from 'vitest';
import { unsubscribeToken } from '../src/email/unsubscribe.js';
import { deriveServerKeys } from '../src/keys/server-keys.js';
import { backends } from './backends.js';
import { read, SECRET, useApp } from './harness.js';

const key = deriveServerKeys(SECRET).unsubscribeKey;

describe.each(backends())('the page of an unsubscribe link that does not work, on $name', (backend) => {
  const t = useApp(backend);
  const open = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    t.app.request(path, { method, headers }).then(read);

  it('speaks the reader’s language, negotiated like the other notice pages, when no brand is known', async () => {
    const english = await open('/u/nope');
    expect(english.status).toBe(404);
    expect(english.headers.get('content-type')).toMatch(/^text\/html/);
    expect(english.text).toContain('<html lang="en" dir="ltr">');
    expect(english.text).toContain('This unsubscribe link is not valid.');
    expect(english.text).toContain('Use the unsubscribe link in the most recent email you got');

    const french = await open('/u/nope', { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' });
    expect(french.text).toContain('<html lang="fr" dir="ltr">');
    expect(french.text).toContain('Ce lien de désabonnement n’est pas valide.');
    expect(french.text).toContain('Utilisez le lien de désabonnement du dernier e-mail reçu');
    expect(french.text).not.toContain('This unsubscribe link');

    const chosen = await open('/u/nope?locale=pt', { 'accept-language': 'fr' });
    expect(chosen.text).toContain('<html lang="pt" dir="ltr">');
    expect(chosen.text).toContain('Este link de cancelamento não é válido.');
    const posted = await open('/u/nope', { 'accept-language': 'de' }, 'POST');
    expect(posted.status).toBe(404);
    expect(posted.text).toContain('Dieser Abmeldelink ist ungültig.');

    // a token whose brand does not exist reads as no brand's
    const ghost = unsubscribeToken(key, { brandId: 'brd_ghost', memberId: 'mem_ghost' });
    const page = await open(`/u/${ghost}`, { 'accept-language': 'es' });
    expect(page.status).toBe(404);
    expect(page.text).toContain('Este enlace para darse de baja no es válido.');
    expect(page.text).toContain('<h1>');
    expect(page.text).not.toContain('mailto:');
  });

  it('is the brand’s page, in its default language and look, when the token names a brand that exists', async () => {
    const brand = await t.brand('Glow');
    await brand.ok('PATCH', '/v1/brand/profile', {
      displayName: 'Glow & Co.',
      accentColor: '#0b6e4f',
      defaultLocale: 'es',
      replyTo: 'partners@glow.example',
    }, 200);
    const member = await brand.createMember({ name: 'Ana' });
    // signed, but for a member the brand no longer has
    const gone = unsubscribeToken(key, { brandId: brand.brandId, memberId: 'mem_gone' });
    const page = await open(`/u/${gone}`);
    expect(page.status).toBe(404);
    expect(page.text).toContain('<html lang="es" dir="ltr">');
    expect(page.text).toContain('Este enlace para darse de baja no es válido.');
    expect(page.text).toContain('<h1>Glow &amp; Co. <span>');
    expect(page.text).toContain('<title>Este enlace para darse de baja no es válido. · Glow &amp; Co.</title>');
    expect(page.text).toContain('--affdash-color-accent: #0b6e4f;');
    expect(page.text).toContain('<a class="button" href="mailto:partners@glow.example">Contactar con Glow &amp; Co.</a>');
    // the browser's language wins over the brand's default
    const german = await open(`/u/${gone}`, { 'accept-language': 'de-DE' });
    expect(german.text).toContain('<html lang="de" dir="ltr">');
    expect(german.text).toContain('Glow &amp; Co. kontaktieren');

    // a real member's token with a broken signature: the brand's page, and nobody opted out
    const real = unsubscribeToken(key, { brandId: brand.brandId, memberId: member.id });
    const [payload, sig] = real.split('.') as [string, string];
    const forged = `${payload}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    for (const method of ['GET', 'POST']) {
      const answer = await open(`/u/${forged}`, {}, method);
      expect(answer.status, method).toBe(404);
      expect(answer.text, method).toContain('<h1>Glow &amp; Co. <span>');
      expect(answer.text, method).toContain('Este enlace para darse de baja no es válido.');
    }
    // cut short before its signature
    expect((await open(`/u/${payload}`)).text).toContain('<h1>Glow &amp; Co. <span>');
    expect((await brand.ok('GET', `/v1/members/${member.id}`, undefined, 200)).emailOptOut).toBe(false);
  });

  it('a working link asks in the member’s language, else the browser’s, else the brand’s', async () => {
    const brand = await t.brand('Glow');
    await brand.ok('PATCH', '/v1/brand/profile', { defaultLocale: 'es' }, 200);
    const withLocale = await brand.createMember({ name: 'Ben', email: 'ben@example.com', locale: 'de' });
    const without = await brand.createMember({ name: 'Cy', email: 'cy@example.com' });
    const path = (memberId: string) => `/u/${unsubscribeToken(key, { brandId: brand.brandId, memberId })}`;
    expect((await open(path(withLocale.id), { 'accept-language': 'fr' })).text).toContain('Abmelden');
    expect((await open(path(without.id), { 'accept-language': 'fr' })).text).toContain('Se désabonner');
    expect((await open(path(without.id))).text).toContain('Darse de baja');
    expect((await open(`${path(without.id)}?locale=pt`)).text).toContain('Cancelar inscrição');
  });
});
