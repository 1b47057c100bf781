import { ErrorBody } from '@affdash/core';
import { html } from 'hono/html';
import { requestId } from 'hono/request-id';
import { describe, expect, it, vi } from 'vitest';
import { answerError, ApiError, PageError } from '../src/http/errors.js';
import { Auth, Media, route } from '../src/http/route.js';
import { router } from '../src/http/router.js';
import { Health } from '../src/openapi/schemas.js';
import { read } from './harness.js';

const noticeOf = (c: { req: { param: (name: string) => string | undefined } }) =>
  new PageError('not_found', 'No such thing.', {
    status: 410,
    render: () => html`<p>gone: ${c.req.param('what')}</p>`,
  });

const open = { tag: 'Public', auth: Auth.none, method: 'get' } as const;
const pageRoute = route({
  ...open,
  path: '/page/{what}',
  summary: 'A page',
  responses: { 200: { description: 'The page', media: Media.html } },
});
const apiRoute = route({
  ...open,
  path: '/api/{what}',
  summary: 'An answer',
  responses: { 200: { description: 'OK', schema: Health } },
});

/** Each route throws what its path names: a page error, a client error, or an unexpected one. */
function thrown(what: string, c: Parameters<typeof noticeOf>[0]): Error {
  if (what === 'notice') return noticeOf(c);
  if (what === 'refused') return new ApiError('forbidden', 'Not for you.');
  return new Error('boom');
}

const app = router()
  .use(requestId({ generator: () => 'req_test' }))
  .openapi(pageRoute, (c) => {
    throw thrown(c.req.param('what'), c);
  })
  .openapi(apiRoute, (c) => {
    throw thrown(c.req.param('what'), c);
  });
app.onError(answerError);

describe('answerError, the one place an error becomes an answer', () => {
  it('answers a page error on a page route with its own page and status', async () => {
    const answer = await read(await app.request('/page/notice'));
    expect(answer.status).toBe(410);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.text).toBe('<p>gone: notice</p>');
  });

  it('answers any other error on a page route with a notice page in the reader’s language, with the request id', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = await read(await app.request('/page/broken', { headers: { 'accept-language': 'de-AT, en;q=0.5' } }));
    expect(quiet).toHaveBeenCalledOnce();
    quiet.mockRestore();
    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toMatch(/^text\/html/);
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(failed.text).toContain('<html lang="de"');
    expect(failed.text).toContain('Diese Seite kann gerade nicht angezeigt werden');
    expect(failed.text).toContain('req_test');
    expect(failed.text).not.toContain('boom');

    const refused = await read(await app.request('/page/refused?locale=fr'));
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Cette page ne peut pas s’afficher');
  });

  it('answers every error on an API route with the JSON error body, a page error by its code', async () => {
    const notice = await read(await app.request('/api/notice'));
    expect(notice.status).toBe(404);
    expect(notice.headers.get('content-type')).toMatch(/^application\/json/);
    expect(ErrorBody.parse(notice.body)).toEqual({ error: { code: 'not_found', message: 'No such thing.', requestId: 'req_test' } });

    const refused = await read(await app.request('/api/refused'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');

    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = await read(await app.request('/api/broken'));
    quiet.mockRestore();
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ error: { code: 'internal', message: expect.any(String), requestId: 'req_test' } });
  });
});
