import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM example without types
import { serveStatic } from '../examples/brand-site/static.mjs';
import { startStack, waitForText, type Stack } from './harness.js';

const appRoot = fileURLToPath(new URL('../examples/react-app/', import.meta.url));
let outDir: string;
let stack: Stack;

beforeAll(async () => {
  // The example as a brand would ship it: `vite build`, served by the brand backend at /react/.
  outDir = await mkdtemp(path.join(tmpdir(), 'affdash-react-'));
  await build({ root: appRoot, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  stack = await startStack({ reactApp: serveStatic(outDir, { base: '/react/' }) });
});
afterAll(async () => {
  await stack?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('React example (examples/react-app)', () => {
  it('renders the dashboard through @affdash/widget/react and hands its events to React', async () => {
    const [skincare] = stack.demo.showcase.enrollments;
    const context = stack.browser.defaultBrowserContext();
    await context.overridePermissions(new URL(stack.siteUrl).origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const response = await page.goto(`${stack.siteUrl}/react/`, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);

    const text = await waitForText(page, [skincare!.promoCode, '12% of every sale', 'Conversions', 'Payments']);
    expect(text).toContain('Your affiliate dashboard');
    // onLoad: the app shows the offer and code from the event's detail
    expect(await page.$eval('.bar [role="status"]', (el) => el.textContent)).toBe(`Spring Skincare Partners · ${skincare!.promoCode}`);
    // the React props reached the element as properties
    const element = await page.$eval('affiliate-dashboard', (el) => ({
      apiBase: (el as HTMLElement & { apiBase: string }).apiBase,
      provider: typeof (el as HTMLElement & { tokenProvider?: unknown }).tokenProvider,
    }));
    expect(element).toEqual({ apiBase: stack.apiUrl, provider: 'function' });

    // onCopy
    const button = await page.waitForSelector('affiliate-dashboard >>> [part~="copy-button"]');
    await button!.click();
    await page.waitForFunction(() => document.querySelector('.bar [role="status"]')?.textContent === 'Copied your promo code');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(skincare!.promoCode);
    expect(errors).toEqual([]);
    await page.close();
  });
});
