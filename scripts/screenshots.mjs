// `npm run screenshots`: the hosted dashboard of the demo member, as people see it, in
// docs/widget-light.png, docs/widget-dark.png (prefers-color-scheme: dark) and docs/widget-phone.png
// (375 px wide, full page); the hosted page in German (docs/hosted-de.png, 1440 px, and
// docs/hosted-de-phone-dark.png, 375 px dark), a paused enrollment (docs/hosted-paused.png) and
// the notice of a replaced link, in French (docs/notice-replaced.png, 375 px). Runs the real server with demo data in a temporary data folder and
// headless Chromium at CHROME_PATH (default /usr/bin/chromium). Needs `npm run build` first.
//
//   node scripts/screenshots.mjs [out-dir]   (default docs/)
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createApp, createDeps, migrate, openDatabase, seedDemo, serve } from '@affdash/server';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.resolve(root, process.argv[2] ?? 'docs');

const desktop = { width: 1200, height: 900, deviceScaleFactor: 1 };
const wide = { width: 1440, height: 900, deviceScaleFactor: 1 };
const phone = { width: 375, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Each picture: which page (`link` of the demo), in which language, width and colour scheme. */
const shots = [
  { file: 'widget-light.png', link: 'skincare', language: 'en', scheme: 'light', viewport: desktop },
  { file: 'widget-dark.png', link: 'skincare', language: 'en', scheme: 'dark', viewport: desktop },
  { file: 'widget-phone.png', link: 'skincare', language: 'en', scheme: 'light', viewport: phone },
  { file: 'hosted-de.png', link: 'skincare', language: 'de', scheme: 'light', viewport: wide },
  { file: 'hosted-de-phone-dark.png', link: 'skincare', language: 'de', scheme: 'dark', viewport: phone },
  { file: 'hosted-paused.png', link: 'paused', language: 'en', scheme: 'dark', viewport: wide },
  { file: 'notice-replaced.png', link: 'replaced', language: 'fr', scheme: 'light', viewport: phone, notice: true },
];

/** Resolves once the page's dashboard has loaded (its `affdash-load` event) and the network is quiet. */
async function dashboardReady(page) {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('affiliate-dashboard');
      return Boolean(el?.shadowRoot?.querySelector('[part~="share"]'));
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
  api = await serve(deps, { port: 0, host: '127.0.0.1' });
  deps.config.publicUrl = api.url.replace('127.0.0.1', 'localhost');
  const app = createApp(deps);
  const demo = await seedDemo(db, deps, app);
  const [showcase, creators] = demo.showcase.enrollments;
  const call = async (method, url) => {
    const res = await app.request(url, {
      method,
      headers: { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' },
      ...(method === 'PATCH' ? { body: JSON.stringify({ status: 'paused' }) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}`);
    return res.json();
  };
  // the second offer's enrollment is paused, and Jonah's link replaced by a newer one
  await call('PATCH', `/v1/enrollments/${creators.id}`);
  const members = await call('GET', '/v1/members?limit=100');
  const jonah = members.data.find((m) => m.name === 'Jonah Park');
  const [replaced] = (await call('GET', `/v1/enrollments?memberId=${jonah.id}`)).data;
  await call('POST', `/v1/enrollments/${replaced.id}/rotate-dashboard-link`);
  const links = { skincare: showcase.dashboardUrl, paused: creators.dashboardUrl, replaced: replaced.dashboardUrl };

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
  for (const shot of shots) {
    // A fresh context per picture: the hosted link turns into a session cookie on first use.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport(shot.viewport);
    await page.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: shot.scheme },
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ]);
    await page.setExtraHTTPHeaders({ 'accept-language': shot.language });
    const url = links[shot.link];
    const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
    if (response?.status() !== (shot.notice ? 410 : 200)) throw new Error(`${url} answered ${response?.status()}`);
    if (shot.notice) await page.waitForNetworkIdle({ idleTime: 300, timeout: 20_000 });
    else await dashboardReady(page);
    const file = path.join(outDir, shot.file);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  ${path.relative(root, file)}  (${shot.viewport.width} px wide, ${shot.scheme}, ${shot.language})`);
    await context.close();
  }
} finally {
  await browser?.close();
  await api?.close();
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
}
