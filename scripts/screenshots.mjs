// `npm run screenshots`: the hosted dashboard of the demo member, as people see it, in
// docs/widget-light.png, docs/widget-dark.png (prefers-color-scheme: dark) and docs/widget-phone.png
// (375 px wide, full page). Runs the real server with demo data in a temporary data folder and
// headless Chromium at CHROME_PATH (default /usr/bin/chromium). Needs `npm run build` first.
//
//   node scripts/screenshots.mjs [out-dir]   (default docs/)
//   node scripts/screenshots.mjs --all out-dir
//     every width people use (320, 375, 768 and 1440 px), light and dark, in English and
//     German: widget-<width>-<scheme>-<lang>.png, to look at before a change lands.
//   PORT=9700 pins the server's port (default: any free one).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { createApp, createDeps, migrate, openDatabase, seedDemo, serve } from '@affdash/server';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const all = process.argv[2] === '--all';
const outDir = path.resolve(root, process.argv[all ? 3 : 2] ?? 'docs');

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

const docs = [
  { file: 'widget-light.png', scheme: 'light', viewport: { width: 1200, height: 900, deviceScaleFactor: 1 } },
  { file: 'widget-dark.png', scheme: 'dark', viewport: { width: 1200, height: 900, deviceScaleFactor: 1 } },
  {
    file: 'widget-phone.png',
    scheme: 'light',
    viewport: { width: 375, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  },
];
const shots = all ? matrix : docs;

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
  api = await serve(deps, { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
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
    console.log(`  ${path.relative(root, file)}  (${shot.viewport.width} px wide, ${shot.scheme})`);
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
} finally {
  await browser?.close();
  await api?.close();
  await db.close();
  await rm(dataDir, { recursive: true, force: true });
}
