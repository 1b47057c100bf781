import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupWorker } from 'msw/browser';
import type { Dashboard } from '@affdash/core';
import { describeTerms } from '@affdash/core/commission';
import { dashboardMessages } from '@affdash/core/messages';
import { API_BASE, ENROLLMENT_ID, makeDashboard, tierProgress } from './fixtures.js';

export const worker = setupWorker();

/** Every request the widget sent to the API, in order. */
export const requests: Request[] = [];

worker.events.on('request:start', ({ request }) => {
  if (request.url.startsWith(API_BASE)) requests.push(request.clone());
});

export async function startApi(): Promise<void> {
  await worker.start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } });
}

export function resetApi(): void {
  worker.resetHandlers();
  requests.length = 0;
}

export const dashboardPath = `${API_BASE}/v1/dashboard/enrollments/${ENROLLMENT_ID}`;

export function apiError(status: number, code: string, message: string) {
  return HttpResponse.json({ error: { code, message, requestId: 'req_test' } }, { status });
}

/**
 * Answers the first-screen request with `body` (a fresh dashboard by default) with, as the
 * server does, the words of the language asked for with `?locale=` and the offer's terms
 * worded in it (unless `ownTerms`: then the terms of `body` as they are).
 */
export function serveDashboard(body: JsonBodyType = makeDashboard(), { ownTerms = false } = {}) {
  worker.use(
    http.get(dashboardPath, ({ request }) => {
      const locale = new URL(request.url).searchParams.get('locale') ?? undefined;
      const d = structuredClone(body) as Dashboard;
      if (!ownTerms && d.offer) d.offer.terms = describeTerms(d.offer, tierProgress, locale);
      return HttpResponse.json({ ...d, messages: dashboardMessages(locale) } as JsonBodyType);
    }),
  );
}

export { http, HttpResponse };
