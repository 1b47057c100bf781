import type { HTTPRequest, HTTPResponse, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, waitForText, type Stack } from './harness.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

interface Watched {
  page: Page;
  errors: string[];
  failed: string[];
  apiRequests: string[];
}

/** A fresh browser context in `language`, recording console errors, failed answers and API calls. */
async function watch(language: string): Promise<Watched> {
  const context = await stack.browser.createBrowserContext();
  const page = await context.newPage();
  await page.setExtraHTTPHeaders({ 'accept-language': language });
  const watched: Watched = { page, errors: [], failed: [], apiRequests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') watched.errors.push(m.text());
  });
  page.on('pageerror', (e) => watched.errors.push(String(e)));
  page.on('request', (r: HTTPRequest) => {
    if (new URL(r.url()).pathname.startsWith('/v1/')) watched.apiRequests.push(r.url());
  });
  page.on('response', (r: HTTPResponse) => {
    if (r.status() >= 400) watched.failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => watched.failed.push(`failed ${r.url()}`));
  return watched;
}

describe('the hosted page in a browser', () => {
  it('opens in the browser’s language with an h1, the brand and offer in the title, a favicon, no errors and no API request', async () => {
    const [skincare] = stack.demo.showcase.enrollments;
    const w = await watch('de-DE,de;q=0.9,en;q=0.5');
    const response = await w.page.goto(skincare!.dashboardUrl, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    const text = await waitForText(w.page, [skincare!.promoCode, 'Teilen', 'So verdienst du', 'Zahlungen']);
    expect(text).not.toContain('Payments');
    const info = await w.page.evaluate(async () => {
      const icon = document.querySelector<HTMLLinkElement>('link[rel=icon]')!.href;
      return {
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        h1: document.querySelectorAll('h1').length,
        h1Text: document.querySelector('h1')!.textContent,
        title: document.title,
        icon,
        iconStatus: (await fetch(icon)).status,
        paint: performance.getEntriesByType('paint').map((p) => p.name),
        resources: performance.getEntriesByType('resource').map((r) => r.name),
      };
    });
    expect(info).toMatchObject({ lang: 'de', dir: 'ltr', h1: 1, title: 'Spring Skincare Partners · Glow & Co.' });
    expect(info.h1Text).toContain('Glow & Co.');
    expect(info.h1Text).toContain('Partner-Dashboard');
    expect(info.icon).toMatch(/\/assets\/demo-logo\.svg$/);
    expect(info.iconStatus).toBe(200);
    expect(info.paint).toContain('first-contentful-paint');
    // the first screen came with the page: no API request at all, before or after the paint
    expect(w.apiRequests).toEqual([]);
    expect(info.resources.filter((r) => r.includes('/v1/'))).toEqual([]);
    expect(info.resources.some((r) => /\/widget\/affdash-widget\.[0-9a-f]{16}\.js$/.test(r))).toBe(true);
    await w.page.waitForNetworkIdle({ idleTime: 300 });
    expect(w.errors).toEqual([]);
    expect(w.failed).toEqual([]);
    await w.page.close();
  });

  it('switches language with ?locale= and keeps it across a reload', async () => {
    const [skincare] = stack.demo.showcase.enrollments;
    const w = await watch('de');
    await w.page.goto(`${skincare!.dashboardUrl}?locale=es`, { waitUntil: 'load' });
    await waitForText(w.page, [skincare!.promoCode, 'Compartir', 'Pagos']);
    expect(await w.page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(w.page.url()).toBe(`${stack.apiUrl}/d/?locale=es`);
    await w.page.reload({ waitUntil: 'load' });
    await waitForText(w.page, ['Compartir']);
    expect(w.apiRequests).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.page.close();
  });

  it('an unknown link is a notice page in the reader’s language without errors', async () => {
    const w = await watch('fr');
    const response = await w.page.goto(`${stack.apiUrl}/d/${'x'.repeat(43)}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(404);
    const info = await w.page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelectorAll('h1').length,
      notice: document.querySelector('.notice h2')?.textContent,
    }));
    expect(info).toEqual({ lang: 'fr', h1: 1, notice: 'Ce lien n’ouvre aucun tableau de bord' });
    expect(w.errors.filter((e) => !e.includes('404'))).toEqual([]);
    expect(w.failed.filter((f) => !f.includes(`/d/${'x'.repeat(43)}`))).toEqual([]);
    await w.page.close();
  });
});
