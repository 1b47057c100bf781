import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupWorker } from 'msw/browser';
import { dashboardMessages } from '@affdash/core/messages';
import { API_BASE, ENROLLMENT_ID, makeDashboard } from './fixtures.js';

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
 * Answers the first-screen request with `body` (a fresh dashboard by default) and, as the
 * server does, the words of the language asked for with `?locale=`.
 */
export function serveDashboard(body: JsonBodyType = makeDashboard()) {
  worker.use(
    http.get(dashboardPath, ({ request }) => {
      const messages = dashboardMessages(new URL(request.url).searchParams.get('locale') ?? undefined);
      return HttpResponse.json(messages ? { ...(body as object), messages } : body);
    }),
  );
}

export { http, HttpResponse };
