import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createDeps, deliverEmails, deriveServerKeys, smtpMailer, type DeliveryContext, type Mailer } from '../src/index.js';
import { backends } from './backends.js';
import { expectError, PUBLIC_URL, read, SECRET, useApp, type BrandClient } from './harness.js';
import { startSmtp, type TestSmtp } from './smtp.js';

const FROM = 'partners@affdash.example';

describe.each(backends())('branded member email over SMTP on $name', (backend) => {
  const t = useApp(backend);
  let smtp: TestSmtp;
  let mailer: Mailer;

  beforeAll(async () => {
    smtp = await startSmtp();
    mailer = smtpMailer(smtp.url);
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
  });

  const delivery = (): DeliveryContext => ({
    db: t.db,
    mailer,
    links: { keys: deriveServerKeys(SECRET), publicUrl: PUBLIC_URL },
    fromAddress: FROM,
  });
  const receivedBy = (address: string) => smtp.received.filter((r) => r.to.includes(address));
  const unique = (name: string) => `${name}.${Math.random().toString(36).slice(2, 8)}@example.com`;
  /** A header of the message as the SMTP server received it, unfolded. */
  const header = (raw: string, name: string) =>
    new RegExp(`^${name}:((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw)?.[1]?.replace(/\r?\n[ \t]+/g, ' ').trim();

  async function brandedOffer(brand: BrandClient, members: Record<string, unknown>[]) {
    await brand.ok('PATCH', '/v1/brand/profile', {
      displayName: 'Glow & Co.',
      accentColor: '#0b6e4f',
      emailSenderName: 'Glow Partners',
      replyTo: 'partners@glow.example',
      postalAddress: 'Glow & Co., 548 Market Street, San Francisco',
      fontFamily: 'Georgia, serif',
    }, 200);
    const offer = await brand.createOffer({ name: 'Summer Glow', codePrefix: 'GLOW' });
    const enrolled = [];
    for (const m of members) {
      const member = await brand.createMember(m);
      enrolled.push({ member, enrollment: await brand.enroll(offer.id, member.id) });
    }
    return { offer, enrolled };
  }

  it('delivers bulk mail with the sender name, reply-to, RFC 8058 headers and the postal address; tracking items without unsubscribe', async () => {
    const brand = await t.brand();
    const ana = unique('ana');
    const { offer, enrolled } = await brandedOffer(brand, [{ name: 'Ana Diaz', firstName: 'Ana', email: ana }]);
    await brand.ok('POST', `/v1/offers/${offer.id}/emails/members-message/send`, { body: 'Hi {{first_name}},\n\nNews.' }, 202);
    await brand.ok('POST', `/v1/offers/${offer.id}/emails/tracking-items/send`, { memberIds: [enrolled[0]!.member.id] }, 202);
    expect((await deliverEmails(delivery())).sent).toBe(2);

    const [bulk, items] = [...receivedBy(ana)].sort((a) => (header(a.raw, 'List-Unsubscribe') ? -1 : 1));
    expect(bulk!.mail.from?.value[0]).toEqual({ name: 'Glow Partners', address: FROM });
    expect(bulk!.mail.replyTo?.value[0]?.address).toBe('partners@glow.example');
    const unsubscribe = header(bulk!.raw, 'List-Unsubscribe');
    expect(unsubscribe).toMatch(new RegExp(`^<${PUBLIC_URL}/u/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{24}>$`));
    expect(header(bulk!.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const url = unsubscribe!.slice(1, -1);
    const html = String(bulk!.mail.html);
    expect(html).toContain(`href="${url}"`);
    expect(html).toContain('Glow &amp; Co., 548 Market Street, San Francisco');
    expect(bulk!.mail.text).toContain(`Unsubscribe: ${url}`);
    expect(bulk!.mail.text!.startsWith('Hi Ana,\n\nNews.')).toBe(true);

    expect(header(items!.raw, 'List-Unsubscribe')).toBeUndefined();
    expect(header(items!.raw, 'List-Unsubscribe-Post')).toBeUndefined();
    expect(items!.mail.replyTo?.value[0]?.address).toBe('partners@glow.example');
    expect(items!.mail.subject).toBe('Your Summer Glow code and links from Glow & Co.');
    const itemsHtml = String(items!.mail.html);
    const dashboard = enrolled[0]!.enrollment.dashboardUrl as string;
    expect(itemsHtml).toMatch(new RegExp(`<a\\s+href="${dashboard}"[^>]*>\\s*Open your dashboard\\s*</a>`));
    expect(itemsHtml.replace(/<[^>]+>/g, ' ')).not.toContain(dashboard);
    expect(itemsHtml.replace(/<[^>]+>/g, ' ')).toContain('You get this email because Glow &amp; Co. added you to Summer Glow.');
    expect(items!.mail.text).toContain(`Open your dashboard: ${dashboard}`);
    expect(items!.mail.text).toContain(`Your promo code: ${enrolled[0]!.enrollment.promoCode}`);
    // the brand's theme, as delivered: its font on the button, the accent with the text colour on it, the code box
    for (const mailHtml of [html, itemsHtml]) {
      expect(mailHtml).toMatch(/<a\s+href="[^"]+"[^>]*style="[^"]*background:#0b6e4f;color:#ffffff;font-family:Georgia, serif, /);
      expect(mailHtml).toContain('border:2px dashed #0b6e4f');
      expect(mailHtml).toMatch(/font-family:Menlo[^"]*color:#0b6e4f;"\s*>[A-Z0-9-]+<\/div>/);
    }
  });

  it('one click on the unsubscribe link opts the member out; the next send skips them', async () => {
    const brand = await t.brand();
    const [ben, cy] = [unique('ben'), unique('cy')];
    const { offer, enrolled } = await brandedOffer(brand, [
      { name: 'Ben', email: ben, locale: 'de' },
      { name: 'Cy', email: cy },
    ]);
    const base = `/v1/offers/${offer.id}/emails/members-message`;
    await brand.ok('POST', `${base}/send`, {}, 202);
    expect((await deliverEmails(delivery())).sent).toBe(2);
    const url = header(receivedBy(ben)[0]!.raw, 'List-Unsubscribe')!.slice(1, -1);
    const path = new URL(url).pathname;

    // a person (or a link scanner) opening the link gets a page that asks, and nothing changes
    const page = await read(await t.app.request(path));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post">');
    expect(page.text).toContain('Abmelden');
    expect(page.text).toContain(ben);
    const member = `/v1/members/${enrolled[0]!.member.id}`;
    expect((await brand.ok('GET', member, undefined, 200)).emailOptOut).toBe(false);

    // a message queued before the click is not sent after it
    await brand.ok('POST', `${base}/send`, {}, 202);
    const click = await t.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(click.status).toBe(200);
    expect(await click.text()).toContain('Du bist abgemeldet');
    expect((await brand.ok('GET', member, undefined, 200)).emailOptOut).toBe(true);
    expect(await deliverEmails(delivery())).toEqual({ sent: 1, retrying: 0, failed: 1 });
    expect(receivedBy(ben)).toHaveLength(1);
    expect(receivedBy(cy)).toHaveLength(2);

    const next = await brand.ok('POST', `${base}/send`, {}, 202);
    expect(next.queued.map((q: any) => q.to)).toEqual([cy]);
    expect(next.skipped).toEqual([expect.objectContaining({ memberId: enrolled[0]!.member.id, name: 'Ben', reason: 'opted_out' })]);
    // clicking again is fine
    expect((await t.app.request(path, { method: 'POST' })).status).toBe(200);

    // a token changed by one character, or made up, opens nothing
    const [payload, sig] = path.slice(3).split('.') as [string, string];
    const forged = `/u/${payload}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    const other = Buffer.from(`${brand.brandId}:${enrolled[1]!.member.id}`).toString('base64url');
    for (const bad of [forged, `/u/${other}.${sig}`, '/u/nope', '/u/sample']) {
      expect((await t.app.request(bad, { method: 'POST' })).status, bad).toBe(404);
      expect((await t.app.request(bad)).status, bad).toBe(404);
    }
    expect((await brand.ok('GET', `/v1/members/${enrolled[1]!.member.id}`, undefined, 200)).emailOptOut).toBe(false);
  });

  it('writes the default email in a German member’s language and greets them by first name', async () => {
    const brand = await t.brand();
    const jonas = unique('jonas');
    const { offer, enrolled } = await brandedOffer(brand, [
      { name: 'Jonas Becker', firstName: 'Jonas', email: jonas, locale: 'de-DE' },
    ]);
    expect(enrolled[0]!.member).toMatchObject({ firstName: 'Jonas', locale: 'de-DE' });
    // the preview shows it as he will read it, and says in which language
    const preview = await brand.ok('POST', `/v1/offers/${offer.id}/emails/tracking-items/preview`, { memberIds: [enrolled[0]!.member.id] }, 200);
    expect(preview.emails[0]).toMatchObject({ language: 'de', subject: 'Dein Code und deine Links für Summer Glow von Glow & Co.' });
    const sent = await brand.ok('POST', `/v1/offers/${offer.id}/emails/tracking-items/send`, { memberIds: [enrolled[0]!.member.id] }, 202);
    const listed = await brand.ok('GET', `/v1/emails/messages/${sent.queued[0].messageId}`, undefined, 200);
    expect(listed.subject).toBe('Dein Code und deine Links für Summer Glow von Glow & Co.');
    await deliverEmails(delivery());
    const [mail] = receivedBy(jonas);
    expect(mail!.mail.subject).toBe('Dein Code und deine Links für Summer Glow von Glow & Co.');
    expect(mail!.mail.text!.startsWith('Hallo Jonas,\n\ndanke, dass du Summer Glow empfiehlst!')).toBe(true);
    expect(mail!.mail.text).toContain('Dein Gutscheincode: ');
    const html = String(mail!.mail.html);
    expect(html).toContain('<p style="margin:0 0 16px">Hallo Jonas,</p>');
    expect(html).toContain('Dashboard öffnen');
    expect(html).toContain('lang="de"');

    // the brand's default language for members without one; a member's bad language tag is refused
    await brand.ok('PATCH', '/v1/brand/profile', { defaultLocale: 'fr' }, 200);
    expect((await brand.ok('GET', `/v1/offers/${offer.id}/emails/tracking-items/template`, undefined, 200)).subject)
      .toBe('Votre code et vos liens {{offer_name}} de {{brand_name}}');
    expectError(await brand.call('POST', '/v1/members', { name: 'X', locale: 'de_DE' }), 400, 'validation_failed');
    expect((await brand.ok('PATCH', `/v1/members/${enrolled[0]!.member.id}`, { locale: null, firstName: null }, 200)))
      .toMatchObject({ locale: null, firstName: null });
  });

  it('sends a test to the address given, for a sample member, without counting it as a send', async () => {
    const brand = await t.brand();
    const { offer } = await brandedOffer(brand, [{ name: 'Real Member', email: unique('real') }]);
    const app = createApp(createDeps(t.db, { secret: SECRET, publicUrl: PUBLIC_URL, widgetFile: undefined, mail: { mailer, fromAddress: FROM } }));
    const post = (path: string, body: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${brand.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => read(r));
    const me = unique('me');
    const base = `/v1/offers/${offer.id}/emails`;
    const answer = await post(`${base}/members-message/test`, { to: me, locale: 'es', body: 'Hola {{first_name}}, {{promo_code}}' });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ to: me, subject: '[Prueba] Novedades de Summer Glow de Glow & Co.' });
    const [mail] = receivedBy(me);
    expect(mail!.mail.subject).toBe('[Prueba] Novedades de Summer Glow de Glow & Co.');
    expect(mail!.mail.from?.value[0]).toEqual({ name: 'Glow Partners', address: FROM });
    expect(mail!.mail.text).toContain('Hola Alex, GLOWSAMPLE10');
    expect(header(mail!.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect((await post(`${base}/tracking-items/test`, { to: me })).status).toBe(200);
    expect(receivedBy(me)).toHaveLength(2);

    // nothing was queued or counted
    expect((await brand.ok('GET', `/v1/emails/messages?offerId=${offer.id}`, undefined, 200)).data).toEqual([]);
    expect(await deliverEmails(delivery())).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expectError(await post(`${base}/tracking-items/test`, { to: 'not an address' }), 400, 'validation_failed');
    expectError(await post(`${base}/tracking-items/test`, { to: me, body: '{{nick}}' }), 400, 'validation_failed');
    expectError(await post('/v1/offers/off_nothere/emails/tracking-items/test', { to: me }), 404, 'not_found');
    smtp.mode = 'refuse-data';
    try {
      expectError(await post(`${base}/tracking-items/test`, { to: me }), 502, 'email_failed');
    } finally {
      smtp.mode = 'accept';
    }
    // an app without a mail transport says so
    expectError(await brand.call('POST', `${base}/tracking-items/test`, { to: me }), 502, 'email_failed');
  });
});
