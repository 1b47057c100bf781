import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, waitForText, type Stack } from './harness.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

/** Opens a page with clipboard access granted for its origin. */
async function open(url: string): Promise<Page> {
  const context = stack.browser.defaultBrowserContext();
  await context.overridePermissions(new URL(url).origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
  expect(response?.status()).toBe(200);
  return page;
}

async function expectDashboard(page: Page, promoCode: string, terms: string) {
  const text = await waitForText(page, [promoCode, terms, 'Conversions', 'Payments']);
  // statuses the demo data holds, each in words
  for (const word of ['Pending', 'Approved', 'Rejected', 'Reversed']) expect(text).toContain(word);
  expect(text).toContain('The customer returned the order within 14 days.');
  return text;
}

async function copyPromoCode(page: Page, promoCode: string) {
  const button = await page.waitForSelector('affiliate-dashboard >>> [part~="copy-button"]');
  await button!.click();
  await waitForText(page, ['Copied']);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(promoCode);
}

describe('hosted dashboard', () => {
  it('shows code, terms, conversions and payments, and copies the code', async () => {
    const [skincare] = stack.demo.showcase.enrollments;
    const page = await open(skincare!.dashboardUrl);
    const text = await expectDashboard(page, skincare!.promoCode, '12% of every sale');
    expect(text).toContain('PP-7781-2291'); // the demo payment's reference
    expect(text).toContain('$30.00');
    await copyPromoCode(page, skincare!.promoCode);
    await page.close();
  });

  it('takes the link out of the address bar, and still works after a reload', async () => {
    const [skincare] = stack.demo.showcase.enrollments;
    const secret = new URL(skincare!.dashboardUrl).pathname.slice('/d/'.length);
    const page = await open(skincare!.dashboardUrl);
    await expectDashboard(page, skincare!.promoCode, '12% of every sale');
    expect(page.url()).toBe(`${stack.apiUrl}/d/`);
    expect(page.url()).not.toContain(secret);
    const response = await page.reload({ waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    await expectDashboard(page, skincare!.promoCode, '12% of every sale');
    expect(page.url()).not.toContain(secret);
    // the page refreshes its token through the session cookie
    const refreshed = await page.evaluate(async () => (await fetch('/d/token', { method: 'POST' })).status);
    expect(refreshed).toBe(201);
    await page.close();
  });

  it('speaks German with the words the server sends with the first screen', async () => {
    const [skincare] = stack.demo.showcase.enrollments;
    const page = await open(skincare!.dashboardUrl);
    await expectDashboard(page, skincare!.promoCode, '12% of every sale');
    await page.evaluate(() => document.querySelector('affiliate-dashboard')!.setAttribute('locale', 'de'));
    const text = await waitForText(page, ['Teilen', 'So verdienst du', '12 % je Verkauf', 'Zahlungen', 'Ausstehend']);
    expect(text).not.toContain('Payments');
    await page.close();
  });

  it('gives the same member a different dashboard per offer', async () => {
    const [skincare, creators] = stack.demo.showcase.enrollments;
    expect(creators!.dashboardUrl).not.toBe(skincare!.dashboardUrl);
    const page = await open(creators!.dashboardUrl);
    const text = await waitForText(page, [creators!.promoCode, 'Your tier']);
    expect(text).not.toContain(skincare!.promoCode);
    await page.close();
  });

  it('answers an unknown link with a clear 404 page', async () => {
    const page = await stack.browser.newPage();
    const response = await page.goto(`${stack.apiUrl}/d/${'x'.repeat(43)}`);
    expect(response?.status()).toBe(404);
    expect(await page.content()).toContain('This link doesn’t open a dashboard');
    await page.close();
  });
});

describe('example brand page', () => {
  it('embeds the dashboard with a token minted offline by the brand backend', async () => {
    const [skincare] = stack.demo.showcase.enrollments;
    const page = await open(stack.siteUrl);
    const text = await expectDashboard(page, skincare!.promoCode, '12% of every sale');
    expect(text).toContain('Welcome back, Maya');
    await copyPromoCode(page, skincare!.promoCode);
    await page.close();
  });

  it("embeds an offer's members on the brand's admin page with a brand session its backend mints", async () => {
    const [skincare] = stack.demo.showcase.enrollments;
    const page = await open(`${stack.siteUrl}/admin`);
    const text = await waitForText(page, ['Affiliates', skincare!.promoCode, 'Send sales tracking items', 'Last emailed']);
    expect(text).toContain(stack.demo.showcase.memberName);
    await page.close();
  });
});
