import { afterEach, describe, expect, it } from 'vitest';
import { Affdash, InvalidResponseError, PagePromise } from '../src/index.js';
import { offer, serve, type TestServer } from './http-server.js';

const ids = Array.from({ length: 7 }, (_, i) => `off_${i + 1}`);

/** Serves `ids` newest first in pages of `limit`; the cursor is the index to start at. */
function pages(request: { query: URLSearchParams }) {
  const limit = Number(request.query.get('limit') ?? 20);
  const start = Number(request.query.get('cursor') ?? 0);
  const data = ids.slice(start, start + limit).map((id) => offer(id));
  const next = start + limit < ids.length ? String(start + limit) : null;
  return { body: { data, nextCursor: next } };
}

describe('PagePromise', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const client = (url: string) => new Affdash({ apiKey: 'key_test', baseUrl: url });

  it('awaits to the first page', async () => {
    server = await serve(pages);
    const page = await client(server.url).offers.list({ limit: 3 });
    expect(page.data.map((o) => o.id)).toEqual(['off_1', 'off_2', 'off_3']);
    expect(page.nextCursor).toBe('3');
    expect(server.received[0]?.query.get('limit')).toBe('3');
  });

  it('iterates every item across pages with for await', async () => {
    server = await serve(pages);
    const seen: string[] = [];
    for await (const item of client(server.url).offers.list({ limit: 3 })) seen.push(item.id);
    expect(seen).toEqual(ids);
    expect(server.received.map((r) => r.query.get('cursor'))).toEqual([null, '3', '6']);
  });

  it('starts at a given cursor', async () => {
    server = await serve(pages);
    const seen: string[] = [];
    for await (const item of client(server.url).offers.list({ limit: 5, cursor: '4' })) seen.push(item.id);
    expect(seen).toEqual(['off_5', 'off_6', 'off_7']);
  });

  it('fetches nothing until used, and the first page once when awaited then iterated', async () => {
    server = await serve(pages);
    const list = client(server.url).offers.list({ limit: 4 });
    expect(list).toBeInstanceOf(PagePromise);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.received).toHaveLength(0);
    await list;
    const all: string[] = [];
    for await (const item of list) all.push(item.id);
    expect(all).toHaveLength(7);
    expect(server.received).toHaveLength(2);
  });

  it('yields whole pages from pages()', async () => {
    server = await serve(pages);
    const sizes: number[] = [];
    for await (const page of client(server.url).offers.list({ limit: 3 }).pages()) sizes.push(page.data.length);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('stops when the server repeats a cursor', async () => {
    server = await serve(() => ({ body: { data: [offer('off_1')], nextCursor: 'same' } }));
    const iterate = async () => {
      for await (const _ of client(server!.url).offers.list()) void _;
    };
    await expect(iterate()).rejects.toBeInstanceOf(InvalidResponseError);
    expect(server.received).toHaveLength(2);
  });

  it('passes filters as query parameters', async () => {
    server = await serve(() => ({ body: { data: [], nextCursor: null } }));
    await client(server.url).conversions.list({ enrollmentId: 'enr_1', status: 'approved', limit: 10 });
    const query = server.received[0]?.query;
    expect(query?.get('enrollmentId')).toBe('enr_1');
    expect(query?.get('status')).toBe('approved');
    expect(query?.get('limit')).toBe('10');
  });
});
