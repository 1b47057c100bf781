import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliverEmails,
  deriveServerKeys,
  fileMailer,
  smtpMailer,
  startEmailWorker,
  type DeliveryContext,
  type Mailer,
} from '../src/index.js';
import { backends } from './backends.js';
import { PUBLIC_URL, SECRET, useApp, type BrandClient } from './harness.js';
import { startSmtp, type TestSmtp } from './smtp.js';

const FROM = 'partners@glow.example';
const later = (hours: number) => new Date(Date.now() + hours * 3_600_000);

describe.each(backends())('email delivery over SMTP on $name', (backend) => {
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

  const delivery = (m: Mailer = mailer): DeliveryContext => ({
    db: t.db,
    mailer: m,
    links: { keys: deriveServerKeys(SECRET), publicUrl: PUBLIC_URL },
    fromAddress: FROM,
  });
  const receivedBy = (address: string) => smtp.received.filter((r) => r.to.includes(address));
  const unique = (name: string) => `${name}.${Math.random().toString(36).slice(2, 8)}@example.com`;

  async function offerWith(brand: BrandClient, members: Record<string, unknown>[]) {
    const offer = await brand.createOffer({ name: 'Summer Glow', codePrefix: 'GLOW' });
    const enrolled = [];
    for (const m of members) {
      const member = await brand.createMember(m);
      enrolled.push({ member, enrollment: await brand.enroll(offer.id, member.id) });
    }
    return { offer, enrolled };
  }

  it('sends tracking items: right recipients and subject, escaped HTML, links that open the dashboard', async () => {
    const brand = await t.brand('Glow & Co.');
    const maya = unique('maya');
    const evil = unique('evil');
    const { offer, enrolled } = await offerWith(brand, [
      { name: 'Maya Lopez', email: maya },
      { name: '<script>alert(1)</script>', email: evil },
      { name: 'No Address', email: null },
      { name: 'Opted Out', email: unique('out'), emailOptOut: true },
    ]);
    const memberIds = enrolled.map((e) => e.member.id);
    const base = `/v1/offers/${offer.id}/emails/tracking-items`;

    const template = await brand.ok('GET', `${base}/template`, undefined, 200);
    expect(template.body).toContain('{{first_name}}');

    const preview = await brand.ok('POST', `${base}/preview`, { memberIds }, 200);
    expect(preview.emails.map((e: any) => e.to)).toEqual([maya, evil]);
    expect(preview.skipped.map((s: any) => [s.memberId, s.reason])).toEqual([
      [memberIds[2], 'no_email'],
      [memberIds[3], 'opted_out'],
    ]);
    expect(preview.emails[0].subject).toBe('Your Summer Glow code and links from Glow & Co.');
    expect(preview.emails[0].text).toContain(enrolled[0]!.enrollment.dashboardUrl);
    expect(preview.emails[1].html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(preview.emails[1].html).not.toContain('<script>');

    const body = { memberIds, subject: 'Hi {{member_name}}, your {{offer_name}} code: {{promo_code}}' };
    const headers = { 'idempotency-key': `send-${Math.random()}` };
    const first = await brand.call('POST', `${base}/send`, body);
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    expect(first.body.queued.map((q: any) => q.to)).toEqual([maya, evil]);
    expect(first.body.skipped).toHaveLength(2);

    // the same request retried with a key is answered from storage and queues nothing more
    const keyed = await call(brand, `${base}/send`, body, headers);
    const retried = await call(brand, `${base}/send`, body, headers);
    expect(keyed.status).toBe(202);
    expect(retried.status).toBe(202);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.body).toEqual(keyed.body);

    const report = await deliverEmails(delivery());
    expect(report.sent).toBeGreaterThanOrEqual(4);
    expect(receivedBy(maya)).toHaveLength(2);
    expect(receivedBy(evil)).toHaveLength(2);
    expect(await deliverEmails(delivery())).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const [mail] = receivedBy(maya);
    expect(mail!.from).toBe(FROM);
    expect(mail!.mail.from?.value[0]).toEqual({ name: 'Glow & Co.', address: FROM });
    expect(mail!.mail.subject).toBe(`Hi Maya Lopez, your Summer Glow code: ${enrolled[0]!.enrollment.promoCode}`);
    expect(mail!.mail.text).toContain(enrolled[0]!.enrollment.trackingUrl);
    expect(mail!.mail.text).toContain(enrolled[0]!.enrollment.dashboardUrl);

    const [scripted] = receivedBy(evil);
    const html = String(scripted!.mail.html);
    expect(html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(html).toContain('Glow &amp; Co.');
    expect(html).not.toMatch(/<script/i);
    expect(scripted!.mail.text).toContain('Hi <script>alert(1)</script>,');

    // the dashboard link in the received HTML opens the member's dashboard
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    const dashboardLink = links.find((l) => l.includes('/d/'))!;
    expect(dashboardLink).toBe(enrolled[1]!.enrollment.dashboardUrl);
    expect(dashboardLink.startsWith(`${PUBLIC_URL}/d/`)).toBe(true);
    const page = await t.app.request(new URL(dashboardLink).pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Summer Glow');
    const tracking = links.find((l) => l.includes('/t/'))!;
    expect(tracking).toBe(enrolled[1]!.enrollment.trackingUrl);
    expect((await t.app.request(new URL(tracking).pathname)).status).toBe(302);

    const sent = await brand.ok('GET', `/v1/emails/messages?offerId=${offer.id}&status=sent`, undefined, 200);
    expect(sent.data).toHaveLength(4);
    expect(sent.data[0]).toMatchObject({ status: 'sent', attempts: 1, lastError: null, nextAttemptAt: null });
    expect(sent.data[0].subject).not.toContain('/d/');
    const one = await brand.ok('GET', `/v1/emails/messages/${first.body.queued[0].messageId}`, undefined, 200);
    expect(one).toMatchObject({ to: maya, status: 'sent', kind: 'tracking_items', offerId: offer.id });
    expect((await brand.ok('GET', `/v1/emails/messages?status=queued`, undefined, 200)).data).toEqual([]);
  });

  it('keeps messages queued while the server refuses or drops, and sends each once when it recovers', async () => {
    const brand = await t.brand();
    const addresses = [unique('a'), unique('b'), unique('c')];
    const { offer, enrolled } = await offerWith(brand, addresses.map((email, i) => ({ name: `Member ${i}`, email })));
    const sendBody = { memberIds: enrolled.map((e) => e.member.id) };
    await brand.ok('POST', `/v1/offers/${offer.id}/emails/tracking-items/send`, sendBody, 202);

    let hours = 0;
    for (const mode of ['refuse-recipient', 'refuse-data', 'drop'] as const) {
      smtp.mode = mode;
      const report = await deliverEmails(delivery(), { now: later((hours += 2)) });
      expect(report, mode).toEqual({ sent: 0, retrying: 3, failed: 0 });
      const queued = await brand.ok('GET', `/v1/emails/messages?status=queued&offerId=${offer.id}`, undefined, 200);
      expect(queued.data).toHaveLength(3);
      for (const m of queued.data) {
        expect(m.lastError).toBeTruthy();
        expect(Date.parse(m.nextAttemptAt)).toBeGreaterThan(later(hours - 0.01).getTime());
      }
    }
    smtp.mode = 'accept';
    // not due yet: nothing is tried before its backoff has passed
    expect((await deliverEmails(delivery(), { now: later(hours) })).sent).toBe(0);
    expect(await deliverEmails(delivery(), { now: later(hours + 48) })).toEqual({ sent: 3, retrying: 0, failed: 0 });
    for (const address of addresses) expect(receivedBy(address)).toHaveLength(1);
    const sent = await brand.ok('GET', `/v1/emails/messages?status=sent&offerId=${offer.id}`, undefined, 200);
    expect(sent.data.map((m: any) => m.attempts)).toEqual([4, 4, 4]);
  });

  it('gives up after the last attempt and records the reason', async () => {
    const brand = await t.brand();
    const address = unique('z');
    const { offer, enrolled } = await offerWith(brand, [{ name: 'Zed', email: address }]);
    await brand.ok('POST', `/v1/offers/${offer.id}/emails/tracking-items/send`, { memberIds: [enrolled[0]!.member.id] }, 202);
    smtp.mode = 'refuse-data';
    try {
      expect(await deliverEmails(delivery(), { maxAttempts: 2, now: later(100) })).toMatchObject({ retrying: 1 });
      expect(await deliverEmails(delivery(), { maxAttempts: 2, now: later(200) })).toMatchObject({ failed: 1 });
    } finally {
      smtp.mode = 'accept';
    }
    const [failed] = (await brand.ok('GET', `/v1/emails/messages?offerId=${offer.id}`, undefined, 200)).data;
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, nextAttemptAt: null });
    expect(failed.lastError).toMatch(/554/);
    expect(receivedBy(address)).toHaveLength(0);
  });

  it('a worker polls the outbox and stops cleanly', async () => {
    const brand = await t.brand();
    const address = unique('w');
    const { offer, enrolled } = await offerWith(brand, [{ name: 'Wren', email: address }]);
    const worker = startEmailWorker(delivery(), { intervalMs: 20 });
    try {
      await brand.ok('POST', `/v1/offers/${offer.id}/emails/tracking-items/send`, { memberIds: [enrolled[0]!.member.id] }, 202);
      await expect.poll(() => receivedBy(address).length, { timeout: 10_000 }).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it('without SMTP, writes each message as an .eml file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'affdash-outbox-'));
    const files = fileMailer(dir);
    try {
      const brand = await t.brand('Glow & Co.');
      const { offer, enrolled } = await offerWith(brand, [{ name: 'Ana <b>', email: unique('ana') }]);
      const sent = await brand.ok(
        'POST',
        `/v1/offers/${offer.id}/emails/tracking-items/send`,
        { memberIds: [enrolled[0]!.member.id] },
        202,
      );
      expect((await deliverEmails(delivery(files), { now: later(1_000) })).sent).toBeGreaterThanOrEqual(1);
      const id = sent.queued[0].messageId;
      expect(await readdir(dir)).toContain(`${id}.eml`);
      const parsed = await simpleParser(await readFile(path.join(dir, `${id}.eml`)));
      expect(parsed.subject).toBe('Your Summer Glow code and links from Glow & Co.');
      expect(String(parsed.html)).toContain('Ana &lt;b&gt;');
      expect(parsed.text).toContain(enrolled[0]!.enrollment.dashboardUrl);
    } finally {
      files.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function call(brand: BrandClient, p: string, body: unknown, headers: Record<string, string>) {
  const res = await brand.app.request(p, {
    method: 'POST',
    headers: { authorization: `Bearer ${brand.apiKey}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}
