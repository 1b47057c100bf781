import { existsSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

/**
 * Opens a member's hosted dashboard link in headless Chromium and counts the API requests
 * (`/v1/…`) made before the dashboard shows its numbers (the promo code in the widget),
 * once on loopback and once on Slow 3G (Chromium's preset: 400 ms latency, 400 kbit/s down),
 * with the time the numbers appeared. Returns `{ skipped: reason }` without Chromium.
 */
export async function hostedRequests({ dashboardUrl, promoCode, timeoutMs = 60_000 }) {
  if (!existsSync(chromiumPath)) return { skipped: `no Chromium at ${chromiumPath}` };
  let puppeteer;
  try {
    puppeteer = await import('puppeteer-core');
  } catch {
    return { skipped: 'puppeteer-core is not installed' };
  }
  const browser = await puppeteer.default.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  try {
    const once = async (network) => {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      if (network) await page.emulateNetworkConditions(network);
      const api = [];
      let shownAt = null;
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/v1/') && shownAt === null) api.push(url.pathname);
      });
      const started = Date.now();
      await page.goto(dashboardUrl, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
      await page.waitForFunction(
        (code) => document.querySelector('affiliate-dashboard')?.shadowRoot?.textContent?.includes(code),
        { timeout: timeoutMs, polling: 'raf' },
        promoCode,
      );
      shownAt = Date.now() - started;
      await context.close();
      return { apiRequestsBeforeNumbers: api.length, apiPaths: api, numbersAtMs: shownAt };
    };
    const fast = await once(null);
    const slow = await once(puppeteer.PredefinedNetworkConditions['Slow 3G']);
    return { fast, slow };
  } finally {
    await browser.close();
  }
}
