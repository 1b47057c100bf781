import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookEvent } from '@affdash/core';
import pg from '@databases/pg';
import { constructWebhookEvent, verifyWebhookSignature } from '@affdash/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveDue,
  createApp,
  createDeps,
  deliverWebhooks,
  deriveServerKeys,
  startWebhookDelivery,
  type Database,
  type WebhookDeliveryOptions,
} from '../src/index.js';
import { backends } from './backends.js';
import { PUBLIC_URL, SECRET, call, expectError, useApp, type BrandClient } from './harness.js';

const { sql } = pg;

const URL_A = 'https://hooks.glow.example/affdash';

describe.each(backends())('webhook endpoints on $name', (backend) => {
  const t = useApp(backend);

  it('creates (secret once), lists, retrieves, updates and deletes an endpoint', async () => {
    const brand = await t.brand();
    const created = await brand.ok('POST', '/v1/webhook-endpoints', {
      url: URL_A,
      events: ['conversion.created', 'conversion.status_changed', 'conversion.created'],
      description: '  orders  ',
    }, 201);
    expect(created).toMatchObject({
      url: URL_A,
      events: ['conversion.created', 'conversion.status_changed'],
      description: 'orders',
      disabledAt: null,
    });
    expect(created.id).toMatch(/^whe_/);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const { secret, ...endpoint } = created;

    const fetched = await brand.ok('GET', `/v1/webhook-endpoints/${created.id}`, undefined, 200);
    expect(fetched).toEqual(endpoint);
    expect(JSON.stringify(fetched)).not.toContain(secret);

    const all = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/all' }, 201);
    expect(all.events).toEqual(['*']);
    expect(all.description).toBeNull();
    const first = await brand.ok('GET', '/v1/webhook-endpoints?limit=1', undefined, 200);
    expect(first.data.map((e: any) => e.id)).toEqual([all.id]);
    const second = await brand.ok('GET', `/v1/webhook-endpoints?limit=1&cursor=${first.nextCursor}`, undefined, 200);
    expect(second).toEqual({ data: [endpoint], nextCursor: null });

    const disabled = await brand.ok('PATCH', `/v1/webhook-endpoints/${created.id}`, { disabled: true }, 200);
    expect(disabled.disabledAt).toEqual(expect.any(String));
    const changed = await brand.ok('PATCH', `/v1/webhook-endpoints/${created.id}`, {
      url: 'https://hooks.glow.example/v2',
      events: ['*'],
      description: null,
      disabled: false,
    }, 200);
    expect(changed).toEqual({ ...endpoint, url: 'https://hooks.glow.example/v2', events: ['*'], description: null, disabledAt: null });

    expect(await brand.ok('DELETE', `/v1/webhook-endpoints/${created.id}`, undefined, 200)).toEqual({ id: created.id, deleted: true });
    expectError(await brand.call('GET', `/v1/webhook-endpoints/${created.id}`), 404, 'not_found');
    expectError(await brand.call('DELETE', `/v1/webhook-endpoints/${created.id}`), 404, 'not_found');
    const left = await brand.ok('GET', '/v1/webhook-endpoints', undefined, 200);
    expect(left.data.map((e: any) => e.id)).toEqual([all.id]);
  });

  it('refuses bad input with 400 validation_failed and unknown ids with 404', async () => {
    const brand = await t.brand();
    const bad = [
      { url: 'not a url' },
      { url: 'ftp://files.example/hook' },
      { url: 'javascript:alert(1)' },
      { url: URL_A, events: [] },
      { url: URL_A, events: ['order.shipped'] },
      { url: URL_A, events: 'conversion.created' },
      { url: URL_A, description: 'x'.repeat(201) },
      { events: ['*'] },
      {},
    ];
    for (const body of bad) {
      expectError(await brand.call('POST', '/v1/webhook-endpoints', body), 400, 'validation_failed');
    }
    expectError(await brand.call('POST', '/v1/webhook-endpoints', '{"url":'), 400, 'bad_request');

    const endpoint = await brand.ok('POST', '/v1/webhook-endpoints', { url: URL_A }, 201);
    const path = `/v1/webhook-endpoints/${endpoint.id}`;
    for (const body of [{}, { url: 'nope' }, { events: [] }, { events: ['nope'] }, { disabled: 'yes' }]) {
      expectError(await brand.call('PATCH', path, body), 400, 'validation_failed');
    }
    expectError(await brand.call('GET', '/v1/webhook-endpoints?limit=0'), 400, 'validation_failed');
    expectError(await brand.call('GET', '/v1/webhook-endpoints?cursor=nonsense'), 400, 'validation_failed');

    for (const [method, p, body] of [
      ['GET', '/v1/webhook-endpoints/whe_missing', undefined],
      ['PATCH', '/v1/webhook-endpoints/whe_missing', { disabled: true }],
      ['DELETE', '/v1/webhook-endpoints/whe_missing', undefined],
      ['GET', '/v1/webhook-endpoints/whe_missing/deliveries', undefined],
      ['GET', '/v1/webhook-deliveries/whd_missing', undefined],
      ['POST', '/v1/webhook-deliveries/whd_missing/replay', undefined],
    ] as const) {
      expectError(await brand.call(method, p, body), 404, 'not_found');
    }
    expectError(await call(t.app, 'GET', '/v1/webhook-endpoints'), 401, 'unauthorized');
    expectError(await call(t.app, 'POST', '/v1/webhook-deliveries/whd_x/replay', { auth: 'nope' }), 401, 'unauthorized');
  });

  it("keeps brands apart: another brand's endpoints are a 404", async () => {
    const owner = await t.brand();
    const other = await t.brand('Other Brand');
    const endpoint = await owner.ok('POST', '/v1/webhook-endpoints', { url: URL_A }, 201);
    const path = `/v1/webhook-endpoints/${endpoint.id}`;
    expectError(await other.call('GET', path), 404, 'not_found');
    expectError(await other.call('PATCH', path, { disabled: true }), 404, 'not_found');
    expectError(await other.call('DELETE', path), 404, 'not_found');
    expectError(await other.call('GET', `${path}/deliveries`), 404, 'not_found');
    expect((await other.ok('GET', '/v1/webhook-endpoints', undefined, 200)).data).toEqual([]);
    expect((await owner.ok('GET', path, undefined, 200)).disabledAt).toBeNull();
  });
});

describe.each(backends())('webhook events on $name', (backend) => {
  const t = useApp(backend);

  /** The brand's events, oldest first, as `[type, data]`. */
  async function events(brand: BrandClient) {
    const rows = await t.db.query<{ type: string; payload: any }>(sql`
      SELECT type, payload FROM webhook_events WHERE brand_id = ${brand.brandId} ORDER BY created_at, id`);
    for (const r of rows) {
      expect(r.payload).toEqual({ id: expect.stringMatching(/^evt_/), type: r.type, createdAt: expect.any(String), data: expect.any(Object) });
      // what the SDK's constructWebhookEvent parses, with nothing left out
      expect(WebhookEvent.parse(r.payload)).toEqual(r.payload);
    }
    return rows.map((r) => [r.type, r.payload.data] as [string, any]);
  }
  const typesOf = async (brand: BrandClient) => (await events(brand)).map(([type]) => type);

  it('emits enrollment, conversion, status change, reversal, auto-approval and payment events', async () => {
    const brand = await t.brand();
    const everything = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/all' }, 201);
    const payments = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/pay', events: ['payment.created'] }, 201);

    const { offer, member, enrollment } = await brand.setup({ currency: 'EUR', holdDays: 0, commission: { type: 'flat', amount: 500 } });
    const [created] = await events(brand);
    expect(created).toEqual(['enrollment.created', { ...enrollment, dashboardUrl: undefined }]);
    expect(JSON.stringify(created)).not.toContain('/d/');
    expect(created![1]).not.toHaveProperty('dashboardUrl');

    const others = [await brand.createMember({ name: 'Ben' }), await brand.createMember({ name: 'Cy' })];
    const bulk = await brand.ok('POST', '/v1/enrollments/bulk', {
      offerId: offer.id,
      members: [...others.map((m) => ({ memberId: m.id })), { memberId: member.id }],
    }, 200);
    expect(bulk).toMatchObject({ created: 2, failed: 1 });

    const sale = await brand.ok('POST', '/v1/conversions', { orderId: 'W-1', amount: 10_000, enrollmentId: enrollment.id }, 201);
    await brand.ok('POST', '/v1/conversions', { orderId: 'W-1', amount: 10_000, enrollmentId: enrollment.id }, 200);
    const batch = await brand.ok('POST', '/v1/conversions/batch', {
      conversions: [
        { orderId: 'W-2', amount: 2_000, enrollmentId: enrollment.id },
        { orderId: 'W-1', amount: 10_000, enrollmentId: enrollment.id },
        { orderId: 'W-3', amount: -1, enrollmentId: enrollment.id },
        { orderId: 'W-4', amount: 3_000, enrollmentId: enrollment.id, occurredAt: '2030-01-01T00:00:00Z' },
      ],
    }, 200);
    expect(batch.results.map((r: any) => r.status)).toEqual(['created', 'existing', 'error', 'created']);
    const [w2, , , w4] = batch.results.map((r: any) => r.conversion);

    await brand.ok('PATCH', `/v1/conversions/${sale.id}`, { status: 'approved' }, 200);
    await brand.ok('PATCH', `/v1/conversions/${sale.id}`, { status: 'approved' }, 200); // no change, no event
    const reversed = await brand.ok('PATCH', `/v1/conversions/${sale.id}`, { status: 'reversed', reason: 'Refunded' }, 200);
    expect(await approveDue(t.db, new Date(Date.now() + 1_000))).toBeGreaterThanOrEqual(1);
    const payment = await brand.ok('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 700, currency: 'EUR', method: 'paypal' }, 201);

    const all = await events(brand);
    expect(all.map(([type]) => type)).toEqual([
      'enrollment.created',
      'enrollment.created',
      'enrollment.created',
      'conversion.created',
      'conversion.created',
      'conversion.created',
      'conversion.status_changed',
      'conversion.status_changed',
      'conversion.status_changed',
      'payment.created',
    ]);
    expect(all[1]![1]).toMatchObject({ memberId: others[0]!.id, offerId: offer.id, status: 'active' });
    expect(all[3]![1]).toEqual(sale);
    expect(all.slice(4, 6).map(([, d]) => d)).toEqual([w2, w4]);
    expect(all[6]![1]).toMatchObject({ id: sale.id, status: 'approved', previousStatus: 'pending' });
    expect(all[7]![1]).toEqual({ ...reversed, previousStatus: 'approved' });
    expect(all[8]![1]).toMatchObject({ id: w2.id, status: 'approved', previousStatus: 'pending' });
    expect(all[9]![1]).toEqual(payment);

    // one delivery per subscribed endpoint, queued, newest first
    const log = await brand.ok('GET', `/v1/webhook-endpoints/${everything.id}/deliveries?limit=100`, undefined, 200);
    expect(log.data).toHaveLength(10);
    expect(log.data[0]).toMatchObject({ endpointId: everything.id, eventType: 'payment.created', status: 'queued', attempts: 0, lastStatusCode: null });
    const paid = await brand.ok('GET', `/v1/webhook-endpoints/${payments.id}/deliveries`, undefined, 200);
    expect(paid.data.map((d: any) => d.eventType)).toEqual(['payment.created']);
    expect(paid.data[0].eventId).toBe(log.data[0].eventId);
  });

  it('writes nothing for a brand without endpoints, or whose endpoints are disabled, deleted or not subscribed', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    await brand.convert({ orderId: 'N-1', amount: 1_000, enrollmentId: enrollment.id });
    expect(await typesOf(brand)).toEqual([]);

    const disabled = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/off' }, 201);
    await brand.ok('PATCH', `/v1/webhook-endpoints/${disabled.id}`, { disabled: true }, 200);
    const deleted = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/gone' }, 201);
    await brand.ok('DELETE', `/v1/webhook-endpoints/${deleted.id}`, undefined, 200);
    await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/pay', events: ['payment.created'] }, 201);
    await brand.convert({ orderId: 'N-2', amount: 1_000, enrollmentId: enrollment.id });
    expect(await typesOf(brand)).toEqual([]);

    // another brand's endpoint hears nothing of this brand
    const other = await t.brand('Other Brand');
    await other.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/other' }, 201);
    await brand.convert({ orderId: 'N-3', amount: 1_000, enrollmentId: enrollment.id });
    expect(await typesOf(other)).toEqual([]);
  });

  it('writes a sale\'s event for the endpoints there are when it is written, also one added meanwhile', async () => {
    const brand = await t.brand();
    const first = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/1', events: ['conversion.created'] }, 201);
    const { enrollment } = await brand.setup();
    // the server's database, adding an endpoint right after the sale's first try, which found the first
    let second: any;
    const text = (q: pg.SQLQuery) => q.format({ escapeIdentifier: (x) => x, formatValue: (v, i) => ({ placeholder: `$${i + 1}`, value: v }) }).text;
    const db: Database = {
      ...t.db,
      async query<T>(q: pg.SQLQuery): Promise<T[]> {
        const rows = await t.db.query<T>(q);
        if (!second && /^\s*WITH locked AS/.test(text(q))) {
          second = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/2', events: ['*'] }, 201);
        }
        return rows;
      },
    };
    const app = createApp(createDeps(db, { secret: SECRET, publicUrl: PUBLIC_URL }));
    const sale = await call(app, 'POST', '/v1/conversions', { auth: brand.apiKey, body: { orderId: 'M-1', amount: 1_000, enrollmentId: enrollment.id } });
    expect(sale.status).toBe(201);
    expect(second).toBeDefined();
    for (const endpoint of [first, second]) {
      const log = await brand.ok('GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`, undefined, 200);
      expect(log.data.filter((d: any) => d.eventType === 'conversion.created'), endpoint.url).toHaveLength(1);
    }
    const [, data] = (await events(brand)).find(([type]) => type === 'conversion.created')!;
    expect(data).toEqual(sale.body);
  });

  it('rolls the event back with a write that fails', async () => {
    const brand = await t.brand();
    await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/all' }, 201);
    const { enrollment } = await brand.setup({ currency: 'EUR' });
    const before = await typesOf(brand);
    expectError(await brand.call('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 1, currency: 'USD', method: 'x' }), 422, 'currency_mismatch');
    const sale = (await brand.convert({ orderId: 'R-1', amount: 1_000, enrollmentId: enrollment.id })).body;
    expectError(await brand.call('PATCH', `/v1/conversions/${sale.id}`, { status: 'reversed', reason: 'Refunded' }), 409, 'conflict');
    expect(await typesOf(brand)).toEqual([...before, 'conversion.created']);
  });
});

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Whether the SDK verified the signature with the endpoint's secret. */
  verified: boolean;
}

/**
 * A real HTTP receiver on 127.0.0.1, port 0. Each path answers with the statuses queued for
 * it (then 200); `hang` never answers. Signatures are checked with the SDK.
 */
async function startReceiver() {
  const received: Received[] = [];
  const answers = new Map<string, number[]>();
  const secrets = new Map<string, string>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    let verified = false;
    try {
      await verifyWebhookSignature({ payload: body, header: req.headers['affdash-signature'], secret: secrets.get(path) ?? '' });
      verified = true;
    } catch {
      verified = false;
    }
    received.push({ path, headers: req.headers, body, verified });
    if (path.startsWith('/hang')) return;
    const status = answers.get(path)?.shift() ?? 200;
    res.writeHead(status, status === 302 ? { location: '/elsewhere' } : { 'content-type': 'text/plain' });
    res.end(status >= 400 ? `receiver says ${status}` : 'ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    answer(path: string, ...statuses: number[]) {
      answers.set(path, statuses);
    },
    trust(path: string, secret: string) {
      secrets.set(path, secret);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each(backends())('webhook delivery on $name', (backend) => {
  const t = useApp(backend);
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const keys = deriveServerKeys(SECRET);
  // the receiver is on this host: a private address the worker refuses unless allowed
  const deliver = (options: WebhookDeliveryOptions = {}) =>
    deliverWebhooks({ db: t.db, keys }, { allowPrivateNetworks: true, ...options });
  const seconds = (n: number) => new Date(Date.now() + n * 1_000);

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver?.close());

  /** A brand with an endpoint at `path` of the receiver, which trusts its secret. */
  async function brandWithEndpoint(path: string, events: string[] = ['*']) {
    const brand = await t.brand();
    const endpoint = await brand.ok('POST', '/v1/webhook-endpoints', { url: receiver.url(path), events }, 201);
    receiver.trust(path, endpoint.secret);
    return { brand, endpoint };
  }
  const deliveries = async (brand: BrandClient, endpointId: string) =>
    (await brand.ok('GET', `/v1/webhook-endpoints/${endpointId}/deliveries?limit=100`, undefined, 200)).data;

  it('POSTs each event once, signed, to a real receiver that verifies it with the SDK', async () => {
    const { brand, endpoint } = await brandWithEndpoint('/ok', ['conversion.created', 'payment.created']);
    const { enrollment } = await brand.setup({ currency: 'EUR' });
    const sale = (await brand.convert({ orderId: 'D-1', amount: 12_345, enrollmentId: enrollment.id })).body;

    expect(await deliver()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(await deliver()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    const [request] = receiver.at('/ok');
    expect(receiver.at('/ok')).toHaveLength(1);
    expect(request!.verified).toBe(true);
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'affdash-webhooks/1',
      'affdash-event-type': 'conversion.created',
      'affdash-event-id': expect.stringMatching(/^evt_/),
      'affdash-signature': expect.stringMatching(/^t=\d+,v1=[0-9a-f]{64}$/),
    });
    const event = await constructWebhookEvent({
      payload: request!.body,
      header: request!.headers['affdash-signature'],
      secret: endpoint.secret,
    });
    expect(event).toMatchObject({ id: request!.headers['affdash-event-id'], type: 'conversion.created', data: sale });
    if (event.type !== 'conversion.created') throw new Error('expected a conversion event');
    expect(event.data.commission).toEqual(sale.commission);

    const [log] = await deliveries(brand, endpoint.id);
    expect(log).toMatchObject({
      eventId: event.id,
      eventType: 'conversion.created',
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
      deliveredAt: expect.any(String),
    });
    expect(await brand.ok('GET', `/v1/webhook-deliveries/${log.id}`, undefined, 200)).toEqual(log);
    expectError(await (await t.brand('Other')).call('GET', `/v1/webhook-deliveries/${log.id}`), 404, 'not_found');
  });

  it('rotates the signing secret: both sign until the old one expires, then only the new one', async () => {
    const { brand, endpoint } = await brandWithEndpoint('/rotate', ['enrollment.created']);
    const path = `/v1/webhook-endpoints/${endpoint.id}`;
    const offer = await brand.createOffer();
    const enroll = async (name: string) => brand.enroll(offer.id, (await brand.createMember({ name })).id);
    const signatures = (request: { headers: Record<string, unknown> }) =>
      String(request.headers['affdash-signature']).split(',').filter((part) => part.startsWith('v1='));
    const verifies = async (request: { body: string; headers: Record<string, unknown> }, secret: string) =>
      verifyWebhookSignature({ payload: request.body, header: request.headers['affdash-signature'] as string, secret })
        .then(() => true, () => false);

    const before = Date.now();
    const rotated = await brand.ok('POST', `${path}/rotate-secret`, {}, 200);
    expect(rotated).toMatchObject({ id: endpoint.id, secret: expect.stringMatching(/^whsec_/) });
    expect(rotated.secret).not.toBe(endpoint.secret);
    const expires = Date.parse(rotated.previousSecretExpiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(24 * 3_600_000 - 5_000);
    expect(expires - before).toBeLessThanOrEqual(24 * 3_600_000 + 5_000);
    const shown = await brand.ok('GET', path, undefined, 200);
    expect(shown).toEqual({ ...endpoint, previousSecretExpiresAt: rotated.previousSecretExpiresAt, secret: undefined });

    // while both sign, a receiver with either secret takes the event
    await enroll('Both');
    expect(await deliver()).toMatchObject({ delivered: 1 });
    const [both] = receiver.at('/rotate');
    expect(signatures(both!)).toHaveLength(2);
    expect(both!.verified).toBe(true);
    expect(await verifies(both!, rotated.secret)).toBe(true);
    // once the old one has expired, only the new one signs
    await enroll('Later');
    expect(await deliver({ now: new Date(expires + 1_000) })).toMatchObject({ delivered: 1 });
    const later = receiver.at('/rotate')[1]!;
    expect(signatures(later)).toHaveLength(1);
    expect(await verifies(later, rotated.secret)).toBe(true);
    expect(await verifies(later, endpoint.secret)).toBe(false);

    // 0 hours: the secret before stops at once
    const again = await brand.ok('POST', `${path}/rotate-secret`, { expiresInHours: 0 }, 200);
    expect(again.previousSecretExpiresAt).toBeNull();
    await enroll('Now');
    expect(await deliver()).toMatchObject({ delivered: 1 });
    const now = receiver.at('/rotate')[2]!;
    expect(signatures(now)).toHaveLength(1);
    expect(await verifies(now, again.secret)).toBe(true);
    expect(await verifies(now, rotated.secret)).toBe(false);

    for (const body of [{ expiresInHours: 169 }, { expiresInHours: -1 }, { expiresInHours: 1.5 }, { hours: 1 }]) {
      expectError(await brand.call('POST', `${path}/rotate-secret`, body), 400, 'validation_failed');
    }
    expectError(await brand.call('POST', '/v1/webhook-endpoints/whe_missing/rotate-secret', {}), 404, 'not_found');
    expectError(await (await t.brand('Other')).call('POST', `${path}/rotate-secret`, {}), 404, 'not_found');
  });

  it('retries a 500 after a backoff with jitter, and delivers once the receiver answers 200', async () => {
    const { brand, endpoint } = await brandWithEndpoint('/flaky');
    receiver.answer('/flaky', 500);
    await brand.createMember();
    const offer = await brand.createOffer();
    const member = await brand.createMember({ name: 'Flaky' });
    await brand.enroll(offer.id, member.id);

    const start = new Date();
    expect(await deliver({ now: start })).toMatchObject({ delivered: 0, retrying: 1 });
    let [log] = await deliveries(brand, endpoint.id);
    expect(log).toMatchObject({ status: 'queued', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500: receiver says 500' });
    const wait = (Date.parse(log.nextAttemptAt) - start.getTime()) / 1_000;
    expect(wait).toBeGreaterThanOrEqual(24);
    expect(wait).toBeLessThanOrEqual(36);

    // not due before its time, whatever the number of rounds
    expect(await deliver({ now: new Date(start.getTime() + 20_000) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(receiver.at('/flaky')).toHaveLength(1);

    expect(await deliver({ now: new Date(start.getTime() + 40_000) })).toMatchObject({ delivered: 1 });
    expect(await deliver({ now: new Date(start.getTime() + 4_000_000) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    [log] = await deliveries(brand, endpoint.id);
    expect(log).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null, nextAttemptAt: null });
    const sent = receiver.at('/flaky');
    expect(sent).toHaveLength(2);
    expect(sent.every((r) => r.verified)).toBe(true);
    expect(new Set(sent.map((r) => r.headers['affdash-event-id'])).size).toBe(1);
    expect(sent[1]!.body).toBe(sent[0]!.body);
  });

  it('gives up after the last attempt, recording timeouts, refused connections and redirects', async () => {
    const { brand, endpoint } = await brandWithEndpoint('/down');
    receiver.answer('/down', 503, 503, 503);
    const hang = await brand.ok('POST', '/v1/webhook-endpoints', { url: receiver.url('/hang') }, 201);
    const closed = await brand.ok('POST', '/v1/webhook-endpoints', { url: `http://127.0.0.1:${await closedPort()}/closed` }, 201);
    const moved = await brand.ok('POST', '/v1/webhook-endpoints', { url: receiver.url('/moved') }, 201);
    receiver.answer('/moved', 302);
    await brand.setup();

    const options = { maxAttempts: 2, timeoutMs: 300 };
    expect(await deliver({ ...options, now: seconds(0) })).toEqual({ delivered: 0, retrying: 4, failed: 0 });
    const [hung] = await deliveries(brand, hang.id);
    expect(hung).toMatchObject({ status: 'queued', attempts: 1, lastStatusCode: null, lastError: 'timed out after 0.3 s' });
    const [refused] = await deliveries(brand, closed.id);
    expect(refused).toMatchObject({ lastStatusCode: null, lastError: expect.stringMatching(/ECONNREFUSED/) });
    const [redirected] = await deliveries(brand, moved.id);
    expect(redirected).toMatchObject({ lastStatusCode: 302, lastError: expect.stringContaining('redirects are not followed') });

    expect(await deliver({ ...options, now: seconds(3_600) })).toEqual({ delivered: 1, retrying: 0, failed: 3 });
    const [down] = await deliveries(brand, endpoint.id);
    expect(down).toMatchObject({ status: 'failed', attempts: 2, lastStatusCode: 503, nextAttemptAt: null, deliveredAt: null });
    expect((await deliveries(brand, hang.id))[0]).toMatchObject({ status: 'failed', attempts: 2, lastError: 'timed out after 0.3 s' });
    expect((await deliveries(brand, moved.id))[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(receiver.at('/down')).toHaveLength(2);
    expect(await deliver({ ...options, now: seconds(90_000) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });

  it('replays a delivery: sent again with the same event; refused for a disabled endpoint, 404 for another brand', async () => {
    const { brand, endpoint } = await brandWithEndpoint('/replay');
    await brand.setup();
    await deliver();
    const [first] = await deliveries(brand, endpoint.id);
    expect(first.status).toBe('delivered');

    const replayed = await brand.ok('POST', `/v1/webhook-deliveries/${first.id}/replay`, undefined, 200);
    expect(replayed).toMatchObject({ id: first.id, status: 'queued', attempts: 0, deliveredAt: first.deliveredAt });
    expect(await deliver()).toMatchObject({ delivered: 1 });
    const sent = receiver.at('/replay');
    expect(sent).toHaveLength(2);
    expect(sent.every((r) => r.verified)).toBe(true);
    expect(sent[1]!.headers['affdash-event-id']).toBe(sent[0]!.headers['affdash-event-id']);
    expect(sent[1]!.body).toBe(sent[0]!.body);
    expect((await deliveries(brand, endpoint.id))[0]).toMatchObject({ status: 'delivered', attempts: 1 });

    expectError(await (await t.brand('Other')).call('POST', `/v1/webhook-deliveries/${first.id}/replay`), 404, 'not_found');
    await brand.ok('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { disabled: true }, 200);
    expectError(await brand.call('POST', `/v1/webhook-deliveries/${first.id}/replay`), 409, 'conflict');
    expect(receiver.at('/replay')).toHaveLength(2);
  });

  it('sends nothing to a disabled or deleted endpoint, including what was queued before', async () => {
    const { brand, endpoint } = await brandWithEndpoint('/off');
    const gone = await brand.ok('POST', '/v1/webhook-endpoints', { url: receiver.url('/gone') }, 201);
    await brand.setup();
    await brand.ok('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { disabled: true }, 200);
    await brand.ok('DELETE', `/v1/webhook-endpoints/${gone.id}`, undefined, 200);
    await brand.createOffer({ name: 'Another' }).then((o) => brand.createMember({ name: 'Zed' }).then((m) => brand.enroll(o.id, m.id)));

    await deliver();
    expect(receiver.at('/off')).toEqual([]);
    expect(receiver.at('/gone')).toEqual([]);
    const [queuedBefore, ...rest] = await deliveries(brand, endpoint.id);
    expect(rest).toEqual([]);
    expect(queuedBefore).toMatchObject({ status: 'failed', lastError: 'not sent: the endpoint is disabled', deliveredAt: null });
    const [stored] = await t.db.query<{ status: string; last_error: string }>(sql`
      SELECT status, last_error FROM webhook_deliveries WHERE brand_id = ${brand.brandId} AND endpoint_id = ${gone.id}`);
    expect(stored).toEqual({ status: 'failed', last_error: 'the endpoint was deleted' });

    // enabled again, it hears new events
    await brand.ok('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { disabled: false }, 200);
    await brand.createMember({ name: 'Late' }).then(async (m) => brand.enroll((await brand.createOffer({ name: 'Late' })).id, m.id));
    await deliver();
    expect(receiver.at('/off')).toHaveLength(1);
    expect(receiver.at('/off')[0]!.verified).toBe(true);
  });

  it('refuses private addresses unless allowed, by IP and by a name that resolves to one', async () => {
    const { brand, endpoint } = await brandWithEndpoint('/private');
    const named = await brand.ok('POST', '/v1/webhook-endpoints', { url: receiver.url('/private').replace('127.0.0.1', 'localhost') }, 201);
    await brand.setup();
    expect(await deliver({ allowPrivateNetworks: false })).toEqual({ delivered: 0, retrying: 2, failed: 0 });
    expect(receiver.at('/private')).toHaveLength(0);
    const [byIp] = (await brand.ok('GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`, undefined, 200)).data;
    expect(byIp).toMatchObject({ status: 'queued', lastStatusCode: null, lastError: '127.0.0.1 is a private address' });
    const [byName] = (await brand.ok('GET', `/v1/webhook-endpoints/${named.id}/deliveries`, undefined, 200)).data;
    expect(byName.lastError).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a private address$/);

    // allowed (a development server), the retry goes through
    expect(await deliver({ allowPrivateNetworks: true, now: seconds(7200) })).toEqual({ delivered: 2, retrying: 0, failed: 0 });
    expect(receiver.at('/private')).toHaveLength(2);
  });

  it('delivers in the background with startWebhookDelivery', async () => {
    const { brand } = await brandWithEndpoint('/background');
    const config = { webhookPrivateNetworks: true };
    const worker = startWebhookDelivery({ db: t.db, deps: { keys }, config }, { intervalMs: 20, onError: () => {} });
    try {
      await brand.setup();
      for (let i = 0; i < 200 && !receiver.at('/background').length; i++) await new Promise((r) => setTimeout(r, 25));
      expect(receiver.at('/background')).toHaveLength(1);
      expect(receiver.at('/background')[0]!.verified).toBe(true);
    } finally {
      await worker.stop();
    }
  });
});
