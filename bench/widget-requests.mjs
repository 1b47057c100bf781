import { existsSync } from 'node:fs';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const PAGE_PATH = '/__bench/widget.html';

/**
 * Loads the built widget in headless Chromium from the running server, with a dashboard
 * token, and counts the API requests made before its first meaningful paint: the
 * `affdash-load` event, the render that follows it, and two animation frames.
 * Returns `{ skipped: reason }` when no Chromium or puppeteer-core is available.
 */
export async function widgetRequests({ baseUrl, token, timeoutMs = 15_000 }) {
  const executablePath = chromiumPath;
  if (!existsSync(executablePath)) return { skipped: `no Chromium at ${executablePath}` };
  let puppeteer;
  try {
    puppeteer = (await import('puppeteer-core')).default;
  } catch {
    return { skipped: 'puppeteer-core is not installed' };
  }
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: chromiumArgs,
  });
  try {
    const page = await browser.newPage();
    const requests = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== new URL(baseUrl).origin) return request.abort();
      requests.push({ method: request.method(), path: url.pathname, at: Date.now() });
      if (url.pathname === PAGE_PATH) {
        return request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html(token) });
      }
      return request.continue();
    });
    await page.goto(baseUrl + PAGE_PATH, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    const painted = await page.waitForFunction(() => window.__affdashPainted, { timeout: timeoutMs, polling: 50 });
    const result = await painted.jsonValue();
    const apiBeforePaint = result.api.filter((r) => r.startTime <= result.paintedAt);
    return {
      apiRequestsBeforePaint: apiBeforePaint.length,
      apiPaths: apiBeforePaint.map((r) => new URL(r.name).pathname),
      allRequestsBeforePaint: requests.filter((r) => r.path !== '/favicon.ico').length,
      paintMs: Math.round(result.paintedAt),
      rendered: result.rendered,
    };
  } finally {
    await browser.close();
  }
}

function html(token) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>affdash bench</title>
<link rel="icon" href="data:,">
<script>
  document.addEventListener('affdash-load', async (event) => {
    const el = event.target;
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const paintedAt = performance.now();
    window.__affdashPainted = {
      paintedAt,
      rendered: (el.shadowRoot?.textContent ?? '').includes('BENCH'),
      api: performance.getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.startsWith('/v1/'))
        .map((e) => ({ name: e.name, startTime: e.startTime })),
    };
  });
</script>
<script type="module" src="/widget/affdash-widget.js"></script>
</head><body>
<affiliate-dashboard token="${token}"></affiliate-dashboard>
</body></html>`;
}
