import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { call, expectError, useApp } from './harness.js';

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
