import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKeys } from '../src/index.js';
import { ChangeFeed } from '../src/changes/feed.js';
import { ApiKeys } from '../src/keys/api-keys.js';
import { backends, countQueries } from './backends.js';
import { call, expectError, untilLive, useApp } from './harness.js';

const { sql } = pg;

describe.each(backends())('the API key cache on $name', (backend) => {
  const t = useApp(backend);
  const list = (app = t.app, key: string) => call(app, 'GET', '/v1/offers', { auth: key });

  it('looks a key up once, and never keeps an unknown one', async () => {
    await untilLive(t.deps);
    const brand = await t.brand();
    const { db, queries } = countQueries(t.db);
    const keys = new ApiKeys(db, t.deps.changes);
    expect(await keys.find(brand.apiKey)).toEqual({ brandId: brand.brandId, id: expect.stringMatching(/^key_/) });
    expect(await keys.find(brand.apiKey)).toEqual({ brandId: brand.brandId, id: expect.stringMatching(/^key_/) });
    expect(queries()).toBe(1);
    expect(await keys.find('affdash_sk_unknown')).toBeNull();
    expect(await keys.find('affdash_sk_unknown')).toBeNull();
    expect(queries()).toBe(3);
    expect(keys.size).toBe(1);
  });

  it('keeps nothing while the change feed is not live', async () => {
    const brand = await t.brand();
    const { db, queries } = countQueries(t.db);
    // a feed that never hears anything is never live
    const deaf = new ChangeFeed({ ...t.db, listen: () => {} });
    const keys = new ApiKeys(db, deaf);
    await keys.find(brand.apiKey);
    await keys.find(brand.apiKey);
    expect(queries()).toBe(2);
    expect(keys.size).toBe(0);
  });

  it('holds at most its bound, the oldest going first', async () => {
    await untilLive(t.deps);
    const brand = await t.brand();
    const secrets = [await createApiKey(t.db, brand.brandId), await createApiKey(t.db, brand.brandId), brand.apiKey];
    const keys = new ApiKeys(t.db, t.deps.changes, 2);
    for (const secret of secrets) await keys.find(secret);
    expect(keys.size).toBe(2);
  });

  it('a key revoked from another process stops working here within a second', async () => {
    await untilLive(t.deps);
    const brand = await t.brand();
    expect((await list(t.app, brand.apiKey)).status).toBe(200);
    expect(t.deps.apiKeys.size).toBeGreaterThan(0);
    // revoked as the CLI or a script would, on a connection of its own
    const elsewhere = backend.again(t.db);
    await revokeApiKeys(elsewhere, brand.brandId, 'test');
    const revokedAt = Date.now();
    await expect
      .poll(async () => (await list(t.app, brand.apiKey)).status, { timeout: 1_000, interval: 20 })
      .toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
    expectError(await list(t.app, brand.apiKey), 401, 'unauthorized');
    await elsewhere.close();
  });

  it('a key whose row is deleted stops working in every process within a second', async () => {
    const other = t.other;
    await untilLive(t.deps);
    await untilLive(other.deps);
    const brand = await t.brand();
    expect((await list(other.app, brand.apiKey)).status).toBe(200);
    await t.db.query(sql`DELETE FROM api_keys WHERE brand_id = ${brand.brandId}`);
    await expect
      .poll(async () => (await list(other.app, brand.apiKey)).status, { timeout: 1_000, interval: 20 })
      .toBe(401);
  });
});
