import { afterEach, describe, expect, it, vi } from 'vitest';
import { backends } from './backends.js';
import { call, expectError, useApp } from './harness.js';

describe.each(backends())('a JSON body on $name', (backend) => {
  const t = useApp(backend);
  afterEach(() => vi.restoreAllMocks());

  it('is parsed once per request, for the read-ahead and the route alike', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const text = JSON.stringify({ conversions: [{ orderId: 'parsed-once', amount: 1_000, enrollmentId: enrollment.id }] });
    const parse = vi.spyOn(JSON, 'parse');
    const res = await t.app.request('/v1/conversions/batch', {
      method: 'POST',
      headers: { authorization: `Bearer ${brand.apiKey}`, 'content-type': 'application/json' },
      body: text,
    });
    expect(res.status).toBe(200);
    expect((await res.json()).results[0]).toMatchObject({ status: 'created' });
    expect(parse.mock.calls.filter(([arg]) => arg === text)).toHaveLength(1);
  });

  it('that is not JSON is still the route’s 400, whatever reads it first', async () => {
    const brand = await t.brand();
    expectError(await call(t.app, 'POST', '/v1/conversions/batch', { auth: brand.apiKey, body: '{"conversions": [' }), 400, 'bad_request');
  });
});
