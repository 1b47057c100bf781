import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Affdash, DashboardClient, InvalidInputError } from '../src/index.js';
import { serve, type TestServer } from './http-server.js';

let server: TestServer;
let affdash: Affdash;
beforeAll(async () => {
  server = await serve(() => ({ status: 500, body: { error: { code: 'internal', message: 'not expected' } } }));
  affdash = new Affdash({ apiKey: 'key_test', baseUrl: server.url });
});
afterAll(() => server.close());

async function invalid(call: () => PromiseLike<unknown>) {
  const error = await Promise.resolve().then(call).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidInputError);
  expect(server.received).toHaveLength(0);
  return error as InvalidInputError;
}

const goodOffer = {
  name: 'Spring',
  currency: 'USD',
  commission: { type: 'percent', rateBps: 1000 },
  destinationUrl: 'https://shop.example/',
} as const;

describe('input validation, before anything is sent', () => {
  it('names each bad field of an offer', async () => {
    const error = await invalid(() =>
      affdash.offers.create({ ...goodOffer, currency: 'usd', commission: { type: 'percent', rateBps: 20_000 } }),
    );
    expect(error.code).toBe('validation_failed');
    expect([...new Set(error.details?.issues?.map((i) => i.path))].sort()).toEqual(['commission.rateBps', 'currency']);
    expect(error.message).toMatch(/^Invalid offer: /);
  });

  it('rejects a float amount of a conversion', async () => {
    const error = await invalid(() => affdash.conversions.create({ orderId: 'o1', amount: 10.5, promoCode: 'ADA10' }));
    expect(error.details?.issues?.[0]?.path).toBe('amount');
  });

  it('requires exactly one of promoCode or enrollmentId', async () => {
    await invalid(() => affdash.conversions.create({ orderId: 'o1', amount: 100 }));
    await invalid(() => affdash.conversions.create({ orderId: 'o1', amount: 100, promoCode: 'A1B', enrollmentId: 'enr_1' }));
  });

  it('requires a reason to reject a conversion', async () => {
    const error = await invalid(() => affdash.conversions.update('cnv_1', { status: 'rejected' }));
    expect(error.details?.issues?.[0]?.path).toBe('reason');
  });

  it('rejects unknown fields in an update', async () => {
    await invalid(() => affdash.offers.update('off_1', { currency: 'EUR' } as never));
  });

  it('rejects malformed ids instead of requesting another path', async () => {
    await invalid(() => affdash.offers.retrieve(''));
    await invalid(() => affdash.members.retrieve('../offers'));
    await invalid(() => affdash.dashboardKeys.revoke('dkey_1/x'));
  });

  it('rejects list parameters out of range when the list is used', async () => {
    await invalid(() => affdash.offers.list({ limit: 500 }));
    await invalid(() => affdash.enrollments.list({ offerId: 'nope' }));
  });

  it('rejects a dashboard token ttl over 24 hours', async () => {
    await invalid(() => affdash.dashboardTokens.create({ enrollmentId: 'enr_1', ttlSeconds: 86_401 }));
  });

  it('checks client options', () => {
    expect(() => new Affdash({ apiKey: '', baseUrl: server.url })).toThrow(InvalidInputError);
    expect(() => new Affdash({ apiKey: 'k', baseUrl: 'not a url' })).toThrow(InvalidInputError);
    expect(() => new Affdash({ apiKey: 'k', baseUrl: server.url, maxRetries: -1 })).toThrow(InvalidInputError);
    expect(() => new DashboardClient({ baseUrl: server.url })).toThrow(/token or tokenProvider/);
  });
});
