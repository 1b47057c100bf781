import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  createApp,
  createDeps,
  migrate,
  openDatabase,
  seedDemo,
  serve,
  type DemoResult,
} from '@affdash/server';
// @ts-expect-error plain ESM example without types
import { startBrandSite } from '../examples/brand-site/server.mjs';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

export interface Stack {
  apiUrl: string;
  siteUrl: string;
  demo: DemoResult;
  browser: Browser;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Handler for the brand site's `/react/` (the React example), see examples/brand-site/server.mjs. */
  reactApp?: (req: unknown, res: unknown, next: () => void) => unknown;
}

/** The whole product as a user gets it: API + demo data + the example brand site + Chromium. */
export async function startStack({ reactApp }: StackOptions = {}): Promise<Stack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'affdash-e2e-'));
  const db = await openDatabase({ dataDir: path.join(dataDir, 'pglite') });
  await migrate(db);
  const deps = createDeps(db, { secret: 's'.repeat(48), publicUrl: 'http://placeholder' });
  const api = await serve(deps, { port: 0, host: '127.0.0.1' });
  deps.config.publicUrl = api.url;
  const demo = await seedDemo(db, deps, createApp(deps));
  const site = await startBrandSite({
    apiUrl: api.url,
    dashboardKey: demo.dashboardKey,
    enrollmentId: demo.showcase.enrollments[0]!.id,
    memberName: demo.showcase.memberName,
    brandName: 'Glow & Co.',
    port: 0,
    reactApp,
    apiKey: demo.apiKey,
    offerId: demo.showcase.enrollments[0]!.offerId,
  });
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    userDataDir: path.join(dataDir, 'chromium'),
    args: chromiumArgs,
  });
  return {
    apiUrl: api.url,
    siteUrl: site.url.replace('localhost', '127.0.0.1'),
    demo,
    browser,
    async close() {
      await browser.close();
      await site.close();
      await api.close();
      await db.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** All text of the page, through every shadow root. */
export function deepText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
      node.childNodes.forEach(walk);
    };
    walk(document.body);
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

/** Waits until the page's deep text contains every one of `needles`. */
export async function waitForText(page: Page, needles: string[], timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < until) {
    text = await deepText(page);
    if (needles.every((n) => text.includes(n))) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`page never showed ${needles.filter((n) => !text.includes(n)).join(', ')}\n${text.slice(0, 2000)}`);
}
