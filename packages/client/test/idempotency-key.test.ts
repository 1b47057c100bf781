import { afterEach, describe, expect, it } from 'vitest';
import { Affdash, InternalServerError } from '../src/index.js';
import { offer, serve, type TestServer } from './http-server.js';

const failure = { status: 503, body: { error: { code: 'internal', message: 'try again' } } };
const KEY = /^affdash-retry-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Idempotency-Key on writes', () => {
  let server: TestServer | undefined;
  afterEach(() => server?.close());
  const client = (url: string, maxRetries = 2) => new Affdash({ apiKey: 'key_test', baseUrl: url, maxRetries });
  const newOffer = { name: 'x', currency: 'USD', commission: { type: 'flat', amount: 100 }, destinationUrl: 'https://shop.example/' } as const;

  it('retries a create with a key it made, the same on every attempt and new for the next call', async () => {
    let calls = 0;
    server = await serve(() => (++calls % 3 === 0 ? { status: 201, body: offer('off_1') } : failure));
    const affdash = client(server.url);
    await affdash.offers.create(newOffer);
    await affdash.offers.create(newOffer);
    const keys = server.received.map((r) => r.headers['idempotency-key'] as string);
    expect(keys).toHaveLength(6);
    for (const key of keys) expect(key).toMatch(KEY);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(new Set(keys.slice(3)).size).toBe(1);
    expect(keys[0]).not.toBe(keys[3]);
  });

  it('retries a status change (PATCH) with one key, and uses a key given as is', async () => {
    server = await serve(() => failure);
    const affdash = client(server.url, 1);
    await expect(affdash.conversions.update('cnv_1', { status: 'approved' })).rejects.toBeInstanceOf(InternalServerError);
    await expect(affdash.offers.create(newOffer, { idempotencyKey: 'offer-winter' })).rejects.toBeInstanceOf(InternalServerError);
    const sent = server.received.map((r) => [r.method, r.headers['idempotency-key']]);
    expect(sent.slice(0, 2).map(([method]) => method)).toEqual(['PATCH', 'PATCH']);
    expect(sent[0]![1]).toMatch(KEY);
    expect(sent[1]![1]).toBe(sent[0]![1]);
    expect(sent.slice(2)).toEqual([['POST', 'offer-winter'], ['POST', 'offer-winter']]);
  });

  it('sends no key on reads', async () => {
    server = await serve(() => ({ body: offer('off_1') }));
    await client(server.url).offers.retrieve('off_1');
    expect(server.received[0]?.headers['idempotency-key']).toBeUndefined();
  });
});
