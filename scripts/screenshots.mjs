// `npm run screenshots`: the hosted dashboard of the demo member, as people see it, in
// docs/widget-light.png, docs/widget-dark.png (prefers-color-scheme: dark) and docs/widget-phone.png
// (375 px wide, full page). Runs the real server with demo data in a temporary data folder and
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

const shots = [
  { file: 'widget-light.png', scheme: 'light', viewport: { width: 1200, height: 900, deviceScaleFactor: 1 } },
  { file: 'widget-dark.png', scheme: 'dark', viewport: { width: 1200, height: 900, deviceScaleFactor: 1 } },
  {
    file: 'widget-phone.png',
    scheme: 'light',
    viewport: { width: 375, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  },
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
  const demo = await seedDemo(db, deps, createApp(deps));
  const [showcase] = demo.showcase.enrollments;

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
    const response = await page.goto(showcase.dashboardUrl, { waitUntil: 'domcontentloaded' });
    if (response?.status() !== 200) throw new Error(`${showcase.dashboardUrl} answered ${response?.status()}`);
    await dashboardReady(page);
    const file = path.join(outDir, shot.file);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  ${path.relative(root, file)}  (${shot.viewport.width} px wide, ${shot.scheme})`);
    await context.close();
  }
} finally {
  await browser?.close();
  await api?.close();
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
}
