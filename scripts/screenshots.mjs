// `npm run screenshots`: the hosted dashboard of the demo member, as people see it, in
// docs/widget-light.png, docs/widget-dark.png (prefers-color-scheme: dark) and docs/widget-phone.png
// (375 px wide, full page); the hosted page in German (docs/hosted-de.png, 1440 px, and
// docs/hosted-de-phone-dark.png, 375 px dark), a paused enrollment (docs/hosted-paused.png), an
// ended one the brand keeps readable (docs/hosted-ended.png, 1440 px; docs/hosted-ended-phone-dark.png,
// 375 px dark, German), the notice of a replaced link and of an unsubscribe link that does not
// work, in French (docs/notice-replaced.png, docs/notice-unsubscribe.png, 375 px); and both member emails as the demo member gets them, 600 px and
// 375 px wide, in docs/email-tracking-items*.png and docs/email-members-message*.png. Runs the
// real server with demo data in a temporary data folder and headless Chromium at CHROME_PATH
// (default /usr/bin/chromium). Needs `npm run build` first. The brand console from a login link:
// docs/console.png (an offer's members), docs/console-drawer.png (the send drawer with two
// members selected, the HTML email previewed) and docs/console-status.png (each message's status after Send).
//
//   node scripts/screenshots.mjs [out-dir] [widget|emails|console]   (default docs/, all)
//   node scripts/screenshots.mjs --all out-dir
//     every width people use (320, 375, 768 and 1440 px), light and dark, in English and
//     German: widget-<width>-<scheme>-<lang>.png, the emails (the sales tracking items in German
//     too: email-tracking-items-de*.png), and the console at 375 px light
//     and 1440 px dark in both (console-<width>-<scheme>-<lang>.png), with the send drawer as it
//     opens and with its text edited (console-drawer[-edited]-…), to look at before a change lands.
//   PORT=9700 pins the server's port (default: any free one).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createApp, createDeps, deliverEmails, DEMO_BRAND_ID, migrate, openDatabase, seedDemo, serve } from '@affdash/server';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const all = process.argv[2] === '--all';
const outDir = path.resolve(root, process.argv[all ? 3 : 2] ?? 'docs');
const only = all ? undefined : process.argv[3];

const emailShots = [
  { suffix: '', viewport: { width: 600, height: 800, deviceScaleFactor: 1 } },
  { suffix: '-phone', viewport: { width: 375, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
];

const membersMessageBody = `Hi {{first_name}},

Our spring collection is here, and for the next two weeks every sale through your code earns double commission on {{offer_name}}.

Need fresh photos or product samples for your posts? Just reply to this email.

Thank you for being part of it,
The {{brand_name}} team`;

const matrix = [320, 375, 768, 1440].flatMap((width) =>
  ['light', 'dark'].flatMap((scheme) =>
    ['en-US', 'de-DE'].map((locale) => ({
      file: `widget-${width}-${scheme}-${locale.slice(0, 2)}.png`,
      scheme,
      locale,
      viewport: { width, height: 800, deviceScaleFactor: 1, isMobile: width < 768, hasTouch: width < 768 },
    })),
  ),
);

const desktop = { width: 1200, height: 900, deviceScaleFactor: 1 };
const wide = { width: 1440, height: 900, deviceScaleFactor: 1 };
const phone = { width: 375, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Each picture: which page (`link` of the demo, default the showcase), the browser's language, width and scheme. */
const docs = [
  { file: 'widget-light.png', scheme: 'light', viewport: desktop },
  { file: 'widget-dark.png', scheme: 'dark', viewport: desktop },
  { file: 'widget-phone.png', scheme: 'light', viewport: phone },
  { file: 'hosted-de.png', language: 'de', scheme: 'light', viewport: wide },
  { file: 'hosted-de-phone-dark.png', language: 'de', scheme: 'dark', viewport: phone },
  { file: 'hosted-paused.png', link: 'paused', scheme: 'dark', viewport: wide },
  { file: 'notice-replaced.png', link: 'replaced', language: 'fr', scheme: 'light', viewport: phone, notice: 410 },
  { file: 'hosted-ended.png', link: 'ended', scheme: 'light', viewport: wide },
  { file: 'hosted-ended-phone-dark.png', link: 'ended', language: 'de', scheme: 'dark', viewport: phone },
  { file: 'notice-unsubscribe.png', link: 'unsubscribe', language: 'fr', scheme: 'light', viewport: phone, notice: 404 },
];
const shots = all ? matrix : docs;

/** The element at a deep (`>>>`) selector, polled (shadow-root changes do not wake waitForSelector). */
async function deep(page, selector, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const handle = await page.$(selector);
    if (handle) return handle;
    if (Date.now() > until) throw new Error(`no ${selector}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves once the page's dashboard has loaded (its `affdash-load` event) and the network is quiet. */
async function dashboardReady(page) {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('affiliate-dashboard');
      return Boolean(el?.shadowRoot?.querySelector('[part~="stats"]'));
    },
    { timeout: 20_000 },
  );
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 20_000 });
  await page.evaluate(() => document.fonts.ready);
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'affdash-screenshots-'));
const db = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
let api;
let browser;
try {
  await migrate(db);
  const deps = createDeps(db, { secret: 's'.repeat(48), publicUrl: 'http://placeholder' });
  api = await serve(deps, { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  deps.config.publicUrl = api.url.replace('127.0.0.1', 'localhost');
  const app = createApp(deps);
  const demo = await seedDemo(db, deps, app);
  const [showcase, creators] = demo.showcase.enrollments;
  const call = async (method, url, body) => {
    const res = await app.request(url, {
      method,
      headers: { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}`);
    return res.json();
  };
  // the showcase member's second enrollment is paused, and Jonah's link replaced by a newer one
  await call('PATCH', `/v1/enrollments/${creators.id}`, { status: 'paused' });
  const members = await call('GET', '/v1/members?limit=100');
  const jonah = members.data.find((m) => m.name === 'Jonah Park');
  const [replaced] = (await call('GET', `/v1/enrollments?memberId=${jonah.id}`)).data;
  const rotated = await call('POST', `/v1/enrollments/${replaced.id}/rotate-dashboard-link`);
  // Jonah's enrollment then ended; the brand keeps ended enrollments readable
  await call('PATCH', `/v1/enrollments/${replaced.id}`, { status: 'ended' });
  await call('PATCH', '/v1/brand/profile', { endedEnrollmentAccess: 'read_only' });
  // an unsubscribe link of the demo brand's, cut short before its signature
  const unsubscribe = `${deps.config.publicUrl}/u/${Buffer.from(`${DEMO_BRAND_ID}:${jonah.id}`).toString('base64url')}`;
  const links = {
    showcase: showcase.dashboardUrl,
    paused: creators.dashboardUrl,
    replaced: replaced.dashboardUrl,
    ended: rotated.dashboardUrl,
    unsubscribe,
  };

  browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    userDataDir: path.join(dataDir, 'chromium'),
    args: [
      ...chromiumArgs,
      '--hide-scrollbars',
      '--font-render-hinting=none',
    ],
  });
  await mkdir(outDir, { recursive: true });
  for (const shot of only === 'emails' || only === 'console' ? [] : shots) {
    // A fresh context per picture: the hosted link turns into a session cookie on first use.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport(shot.viewport);
    await page.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: shot.scheme },
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ]);
    await page.setExtraHTTPHeaders({ 'accept-language': shot.language ?? 'en-US' });
    const url = links[shot.link ?? 'showcase'];
    const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
    if (response?.status() !== (shot.notice ?? 200)) throw new Error(`${url} answered ${response?.status()}`);
    if (shot.notice) await page.waitForNetworkIdle({ idleTime: 300, timeout: 20_000 });
    else await dashboardReady(page);
    if (shot.locale && shot.locale !== 'en-US') {
      // Another language: the first screen loads again, with its words.
      await page.evaluate((locale) => (document.querySelector('affiliate-dashboard').locale = locale), shot.locale);
      await page.waitForFunction(
        (locale) => document.querySelector('affiliate-dashboard')?.shadowRoot?.querySelector('.root')?.getAttribute('lang') === locale,
        {},
        shot.locale,
      );
      await dashboardReady(page);
    }
    const file = path.join(outDir, shot.file);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  ${path.relative(root, file)}  (${shot.viewport.width} px wide, ${shot.scheme}${shot.language ? `, ${shot.language}` : ''})`);
    if (all) {
      // Also in pieces one screen high, to look at each at its own size.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, i = 1; y < height; y += shot.viewport.height, i++) {
        const clip = { x: 0, y, width: shot.viewport.width, height: Math.min(shot.viewport.height, height - y) };
        await page.screenshot({ path: file.replace(/\.png$/, `.${i}.png`), clip, captureBeyondViewport: true });
      }
    }
    await context.close();
  }

  // Both member emails of the demo member, rendered by the preview endpoints as they are sent.
  const preview = async (kind, body) => {
    const res = await createApp(deps).request(`/v1/offers/${showcase.offerId}/emails/${kind}/preview`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`${kind} preview answered ${res.status}: ${await res.text()}`);
    const { emails } = await res.json();
    return emails.find((e) => e.memberId === showcase.memberId);
  };
  const emails = [
    { name: 'email-tracking-items', email: await preview('tracking-items', { memberIds: [showcase.memberId] }) },
    { name: 'email-members-message', email: await preview('members-message', { body: membersMessageBody }) },
  ];
  if (all) {
    // with --all, the sales tracking items once more in German, the member's language set to it
    const patched = await createApp(deps).request(`/v1/members/${showcase.memberId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'de' }),
    });
    if (patched.status !== 200) throw new Error(`member PATCH answered ${patched.status}`);
    emails.push({ name: 'email-tracking-items-de', email: await preview('tracking-items', { memberIds: [showcase.memberId] }) });
  }
  for (const { name, email } of only === 'widget' || only === 'console' ? [] : emails) {
    for (const shot of emailShots) {
      const page = await browser.newPage();
      await page.setViewport(shot.viewport);
      await page.setContent(email.html, { waitUntil: 'networkidle0' });
      const file = path.join(outDir, `${name}${shot.suffix}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`  ${path.relative(root, file)}  (${shot.viewport.width} px wide: ${email.subject})`);
      await page.close();
    }
  }
  if (!only || only === 'console') {
    // The hosted console from a one-time login link, then the send drawer and its live status.
    const res = await createApp(deps).request('/v1/brand-sessions', {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ return: 'login_url', staff: { id: 'demo-admin', name: 'Rosa Admin', email: 'rosa@glow.example' } }),
    });
    const { loginUrl } = await res.json();
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 860, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }, { name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.goto(loginUrl, { waitUntil: 'domcontentloaded' });
    const boxes = 'affdash-offer-members >>> tbody input[type=checkbox]';
    await deep(page, boxes);
    await page.waitForNetworkIdle({ idleTime: 300 });
    const shoot = async (file, what) => {
      await page.screenshot({ path: path.join(outDir, file) });
      console.log(`  ${path.relative(root, path.join(outDir, file))}  (${what})`);
    };
    await shoot('console.png', "the console: an offer's members");
    const checkboxes = await page.$$(boxes);
    for (const box of checkboxes.slice(0, 2)) await box.click();
    await (await deep(page, 'affdash-offer-members >>> [part=send-button]')).click();
    await deep(page, 'affdash-offer-members >>> affdash-email-composer >>> [data-preview-subject]');
    await page.waitForNetworkIdle({ idleTime: 300 });
    await shoot('console-drawer.png', 'the send drawer, two members selected');
    await (await deep(page, 'affdash-offer-members >>> affdash-email-composer >>> [part=send-button]')).click();
    await deep(page, 'affdash-offer-members >>> affdash-email-composer >>> [part=status]');
    let n = 0;
    const mailer = { description: 'screenshots', send: async () => ({ providerId: `shot-${++n}` }), close() {} };
    await deliverEmails({ db, mailer, links: { keys: deps.keys, publicUrl: deps.config.publicUrl }, fromAddress: 'partners@glow.example' });
    await page.waitForFunction(
      () => {
        const composer = document.querySelector('affdash-offer-members').shadowRoot.querySelector('affdash-email-composer');
        const rows = [...composer.shadowRoot.querySelectorAll('[part=status] tbody tr')];
        return rows.length > 0 && rows.every((r) => r.textContent.includes('Sent'));
      },
      { timeout: 20_000 },
    );
    await shoot('console-status.png', 'each message sent, live');
    await context.close();
    // with --all: the console at 375 and 1440 px, light and dark, in English and German
    for (const language of all ? ['en', 'de'] : []) {
      for (const [width, scheme] of [[375, 'light'], [1440, 'dark']]) {
        const made = await createApp(deps).request('/v1/brand-sessions', {
          method: 'POST',
          headers: { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ return: 'login_url', staff: { id: 'demo-admin', name: 'Rosa Admin', email: 'rosa@glow.example' } }),
        });
        const shotContext = await browser.createBrowserContext();
        const shotPage = await shotContext.newPage();
        await shotPage.setExtraHTTPHeaders({ 'accept-language': language });
        await shotPage.setViewport({ width, height: 900, deviceScaleFactor: 1 });
        await shotPage.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }, { name: 'prefers-reduced-motion', value: 'reduce' }]);
        await shotPage.goto((await made.json()).loginUrl, { waitUntil: 'domcontentloaded' });
        await deep(shotPage, boxes);
        await shotPage.waitForNetworkIdle({ idleTime: 300 });
        // a page wider than the screen scrolls sideways: say so
        const wide = await shotPage.evaluate(() => document.documentElement.scrollWidth);
        if (wide > width) console.log(`  ! the console is ${wide} px wide at ${width} px`);
        const file = path.join(outDir, `console-${width}-${scheme}-${language}.png`);
        await shotPage.screenshot({ path: file, fullPage: true });
        console.log(`  ${path.relative(root, file)}  (${width} px wide, ${scheme}, ${language})`);
        // and the send drawer for every member shown (one has no email address: skipped)
        for (const box of await shotPage.$$(boxes)) await box.click();
        await (await deep(shotPage, 'affdash-offer-members >>> [part=send-button]')).click();
        await deep(shotPage, 'affdash-offer-members >>> affdash-email-composer >>> [data-preview-subject]');
        await shotPage.waitForNetworkIdle({ idleTime: 300 });
        const drawer = path.join(outDir, `console-drawer-${width}-${scheme}-${language}.png`);
        await shotPage.screenshot({ path: drawer });
        console.log(`  ${path.relative(root, drawer)}  (the send drawer, ${width} px wide, ${scheme}, ${language})`);
        // the body edited: it now goes to everyone as written, with the way back to the default
        const body = await deep(shotPage, 'affdash-offer-members >>> affdash-email-composer >>> #body');
        await body.evaluate((field) => {
          field.value += '\n\nOur spring sale starts on Monday.';
          field.dispatchEvent(new InputEvent('input'));
        });
        await deep(shotPage, 'affdash-offer-members >>> affdash-email-composer >>> [data-use-default]');
        await shotPage.waitForNetworkIdle({ idleTime: 300 });
        const edited = path.join(outDir, `console-drawer-edited-${width}-${scheme}-${language}.png`);
        await shotPage.screenshot({ path: edited });
        console.log(`  ${path.relative(root, edited)}  (the send drawer, its text edited, ${width} px wide, ${scheme}, ${language})`);
        await shotContext.close();
      }
    }
  }
} finally {
  await browser?.close();
  await api?.close();
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
}
