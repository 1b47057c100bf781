import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApiKey,
  createDeps,
  ensureBrand,
  migrate,
  openDatabase,
  serve,
  smtpMailer,
  startEmailWorker,
  type Database,
  type EmailWorker,
  type Mailer,
  type RunningServer,
} from '@affdash/server';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startSmtp, type TestSmtp } from '../packages/server/test/smtp.js';
import { waitForText } from './harness.js';

/** The API, a brand with an offer and three members, a real SMTP server and Chromium. */
let dataDir: string;
let db: Database;
let api: RunningServer;
let smtp: TestSmtp;
let mailer: Mailer;
let worker: EmailWorker;
let browser: Browser;
let apiKey: string;
const members: { id: string; name: string; email: string; promoCode: string }[] = [];
let offerId: string;

async function call<T = any>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${api.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.ok, `${method} ${url}: ${res.status}`).toBe(true);
  return res.json() as Promise<T>;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'affdash-console-'));
  smtp = await startSmtp();
  db = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
  await migrate(db);
  const deps = createDeps(db, { secret: 'c'.repeat(48), publicUrl: 'http://placeholder' });
  api = await serve(deps, { port: 0, host: '127.0.0.1' });
  deps.config.publicUrl = api.url;
  const brandId = await ensureBrand(db, { name: 'Glow & Co.' });
  apiKey = await createApiKey(db, brandId, 'e2e');
  mailer = smtpMailer(smtp.url);
  worker = startEmailWorker(
    { db, mailer, links: { keys: deps.keys, publicUrl: api.url }, fromAddress: 'partners@glow.example' },
    { intervalMs: 200 },
  );
  const offer = await call('POST', '/v1/offers', {
    name: 'Spring Glow',
    currency: 'USD',
    commission: { type: 'percent', rateBps: 1200 },
    holdDays: 30,
    destinationUrl: 'https://shop.example/spring',
    codePrefix: 'SPRING',
  });
  offerId = offer.id;
  for (const [name, email] of [['Ana Silva', 'ana@example.com'], ['Ben Okafor', 'ben@example.com'], ['Cy Tran', 'cy@example.com']] as const) {
    const member = await call('POST', '/v1/members', { name, email });
    const enrollment = await call('POST', '/v1/enrollments', { offerId, memberId: member.id });
    members.push({ id: member.id, name, email, promoCode: enrollment.promoCode });
  }
  browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, userDataDir: path.join(dataDir, 'chromium'), args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  mailer?.close();
  await api?.close();
  await smtp?.close();
  await db?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * The element at a deep (`>>>`) selector, polled: a change inside a shadow root does not wake
 * puppeteer's waitForSelector, which watches the document's own mutations.
 */
async function deep(page: Page, selector: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const handle = await page.$(selector);
    if (handle) return handle;
    if (Date.now() > until) throw new Error(`no ${selector}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const inMembers = (selector: string) => `affdash-offer-members >>> ${selector}`;
const inComposer = (selector: string) => `affdash-offer-members >>> affdash-email-composer >>> ${selector}`;

async function composerText(page: Page, selector: string): Promise<string> {
  const handle = await deep(page, inComposer(selector));
  return (await handle!.evaluate((el) => el.textContent ?? '')).replace(/\s+/g, ' ').trim();
}

/**
 * The HTML email the composer (inside the element at `host`) previews, once its frame shows
 * one whose text contains `needle`: its visible text, and its dashboard button's label and link.
 */
async function previewedEmail(page: Page, host: string, needle: string) {
  const handle = await page.waitForFunction(
    (host: string, needle: string) => {
      const composer = document.querySelector(host)!.shadowRoot!.querySelector('affdash-email-composer');
      const doc = composer?.shadowRoot!.querySelector<HTMLIFrameElement>('[data-preview-html]')?.contentDocument;
      const text = doc?.body?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      if (doc?.readyState !== 'complete' || !text.includes(needle)) return null;
      const button = [...doc.querySelectorAll('a')].find((a) => a.textContent!.trim() === 'Open your dashboard');
      return { text, button: button ? { label: button.textContent!.trim(), href: button.getAttribute('href') } : null };
    },
    { timeout: 15_000 },
    host,
    needle,
  );
  return (await handle.jsonValue()) as { text: string; button: { label: string; href: string | null } | null };
}

/** The dashboard link a member clicks in an email: its button's. */
function dashboardButton(html: string): string | undefined {
  return /<a\s+href="(http:\/\/127\.0\.0\.1:\d+\/d\/[A-Za-z0-9_-]+)"[^>]*>\s*Open your dashboard\s*<\/a>/.exec(html)?.[1];
}

/** Opens a member's dashboard link in a new tab: it shows their code and offer, nobody else's. */
async function expectOwnDashboard(link: string, member: { id: string; promoCode: string }) {
  const dashboard = await browser.newPage();
  await dashboard.goto(link, { waitUntil: 'domcontentloaded' });
  const text = await waitForText(dashboard, [member.promoCode, 'Spring Glow']);
  for (const other of members.filter((o) => o.id !== member.id)) expect(text).not.toContain(other.promoCode);
  await dashboard.close();
}

describe('the hosted console', () => {
  it('opens from a login link, sends two members their items with an edited subject, each link opens their own dashboard', async () => {
    const { loginUrl } = await call('POST', '/v1/brand-sessions', {
      return: 'login_url',
      staff: { id: 'u_rosa', name: 'Rosa Admin', email: 'rosa@glow.example' },
    });
    const page = await browser.newPage();
    const opened = await page.goto(loginUrl, { waitUntil: 'domcontentloaded' });
    expect(opened?.status()).toBe(200);
    expect(page.url()).toBe(`${api.url}/console`); // the one-time secret left the address bar
    await waitForText(page, ['Glow & Co.', 'Rosa Admin', 'Sign out', 'Spring Glow', ...members.map((m) => m.promoCode)]);

    const [, ben, cy] = members;
    for (const m of [ben!, cy!]) await (await deep(page, inMembers(`input[aria-label="Select ${m.name}"]`)))!.click();
    await (await deep(page, inMembers('[part=send-button]')))!.click();
    await deep(page, inComposer('[data-preview-subject]'));
    expect(await composerText(page, '[data-preview-recipient]')).toContain(`1 of 2: ${ben!.name}`);

    const subject = (await deep(page, inComposer('#subject')))!;
    await subject.click({ count: 3 });
    await subject.type('Your Spring kit, {{member_name}}');
    await page.waitForFunction(
      () => {
        const composer = document.querySelector('affdash-offer-members')!.shadowRoot!.querySelector('affdash-email-composer')!;
        return composer.shadowRoot!.querySelector('[data-preview-subject]')?.textContent === 'Your Spring kit, Ben Okafor';
      },
      { timeout: 10_000 },
    );
    await (await deep(page, inComposer('button[aria-label="Next recipient"]')))!.click();
    expect(await composerText(page, '[data-preview-recipient]')).toContain(`2 of 2: ${cy!.name}`);
    expect(await composerText(page, '[data-preview-subject]')).toBe('Your Spring kit, Cy Tran');
    // the email as Cy will see it: their code, a button to their dashboard, not its secret URL
    const preview = await previewedEmail(page, 'affdash-offer-members', cy!.promoCode);
    expect(preview.button?.href).toMatch(/\/d\/[A-Za-z0-9_-]{20,}$/);
    expect(preview.text).not.toContain(preview.button!.href);

    await (await deep(page, inComposer('[part=send-button]')))!.click();
    await page.waitForFunction(
      () => {
        const composer = document.querySelector('affdash-offer-members')!.shadowRoot!.querySelector('affdash-email-composer')!;
        const rows = [...composer.shadowRoot!.querySelectorAll('[part=status] tbody tr')];
        return rows.length === 2 && rows.every((r) => r.textContent!.includes('Sent'));
      },
      { timeout: 20_000 },
    );

    expect(smtp.received).toHaveLength(2);
    const byMember = new Map(smtp.received.map((r) => [r.to[0], r]));
    expect([...byMember.keys()].sort()).toEqual([ben!.email, cy!.email]);
    for (const m of [ben!, cy!]) {
      const mail = byMember.get(m.email)!.mail;
      expect(mail.subject).toBe(`Your Spring kit, ${m.name}`);
      const link = /(http:\/\/127\.0\.0\.1:\d+\/d\/[A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
      expect(link, mail.text).toBeTruthy();
      expect(dashboardButton(String(mail.html))).toBe(link);
      await expectOwnDashboard(link!, m);
    }

    // the members table now says when each was emailed
    await (await deep(page, inMembers('.drawer__bar button')))!.click();
    const audit = await call('GET', '/v1/audit-events?staffId=u_rosa');
    expect(audit.data.map((e: { action: string }) => e.action)).toContain('POST /v1/offers/{offerId}/emails/tracking-items/send');
    await page.close();
  });

  it("emails everyone in an offer of three from the offer's three-dot menu, in the brand's accent; each link opens that member's dashboard", async () => {
    await call('PATCH', '/v1/brand/profile', { accentColor: '#0b6e4f' });
    const before = smtp.received.length;
    const { loginUrl } = await call('POST', '/v1/brand-sessions', {
      return: 'login_url',
      staff: { id: 'u_sam', name: 'Sam Ops', email: 'sam@glow.example' },
    });
    const page = await browser.newPage();
    await page.goto(loginUrl, { waitUntil: 'domcontentloaded' });
    expect(page.url()).toBe(`${api.url}/console`);
    await waitForText(page, ['Glow & Co.', 'Sam Ops', 'Spring Glow']);

    const inOffers = (selector: string) => `affdash-offers >>> ${selector}`;
    const inDrawer = (selector: string) => `affdash-offers >>> affdash-email-composer >>> ${selector}`;
    await (await deep(page, inOffers(`button[data-menu="${offerId}"]`)))!.click();
    const item = await page.waitForFunction(
      () =>
        [...document.querySelector('affdash-offers')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=menuitem]')].find(
          (b) => b.textContent!.trim() === 'Email members',
        ),
      { timeout: 10_000 },
    );
    await item.asElement()!.click();
    await deep(page, inDrawer('[data-preview-subject]'));
    const recipients = await (await deep(page, inDrawer('[data-preview-recipient]')))!.evaluate((el) => el.textContent!);
    expect(recipients).toMatch(/1 of 3: /);
    const previewed = members.find((m) => recipients.includes(`${m.name} <${m.email}>`))!;
    expect(previewed, recipients).toBeTruthy();

    const subject = (await deep(page, inDrawer('#subject')))!;
    await subject.click({ count: 3 });
    await subject.type('Spring news for {{member_name}}');
    await page.waitForFunction(
      (expected: string) =>
        document.querySelector('affdash-offers')!.shadowRoot!.querySelector('affdash-email-composer')!.shadowRoot!
          .querySelector('[data-preview-subject]')?.textContent === expected,
      { timeout: 10_000 },
      `Spring news for ${previewed.name}`,
    );
    // the preview is the HTML email the member gets, with its button
    const preview = await previewedEmail(page, 'affdash-offers', previewed.promoCode);
    expect(preview.button?.label).toBe('Open your dashboard');
    expect(preview.text).not.toContain(preview.button!.href);

    // Send is in the brand's accent, with the text colour on it
    const send = (await deep(page, inDrawer('[part=send-button]')))!;
    expect(await send.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color])).toEqual([
      'rgb(11, 110, 79)',
      'rgb(255, 255, 255)',
    ]);
    expect(await send.evaluate((el) => el.textContent!.trim())).toBe('Send to 3');
    await send.click();
    await page.waitForFunction(
      () => {
        const composer = document.querySelector('affdash-offers')!.shadowRoot!.querySelector('affdash-email-composer')!;
        const rows = [...composer.shadowRoot!.querySelectorAll('[part=status] tbody tr')];
        return rows.length === 3 && rows.every((r) => r.textContent!.includes('Sent'));
      },
      { timeout: 20_000 },
    );

    const received = smtp.received.slice(before);
    expect(received).toHaveLength(3);
    expect(received.map((r) => r.to[0]).sort()).toEqual(members.map((m) => m.email).sort());
    for (const m of members) {
      const mail = received.find((r) => r.to[0] === m.email)!.mail;
      expect(mail.subject).toBe(`Spring news for ${m.name}`);
      const link = dashboardButton(String(mail.html));
      expect(link, String(mail.html)).toBeTruthy();
      expect(mail.text).toContain(`Open your dashboard: ${link}`);
      await expectOwnDashboard(link!, m);
    }
    // nothing more arrives: one message per member
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.received.slice(before)).toHaveLength(3);
    await page.close();
  });
});
