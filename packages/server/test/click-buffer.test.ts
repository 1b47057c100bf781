import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { ClickBuffer } from '../src/tracking/click-buffer.js';
import { clickFor } from '../src/tracking/clicks.js';
import { backends } from './backends.js';
import { PUBLIC_URL, untilLive, useApp, type App, type BrandClient } from './harness.js';

const { sql } = pg;
const CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

describe.each(backends())('buffered clicks on $name', (backend) => {
  const t = useApp(backend);

  async function link(brand: BrandClient) {
    const { enrollment } = await brand.setup();
    return { enrollment, path: enrollment.trackingUrl.slice(PUBLIC_URL.length) as string };
  }
  async function follow(app: App, path: string, ip: string) {
    const res = await app.request(path, { headers: { 'user-agent': CHROME, 'x-forwarded-for': ip } });
    return res;
  }
  const rowsOf = async (enrollmentId: string) =>
    (await t.db.query<{ id: string }>(sql`SELECT id FROM clicks WHERE enrollment_id = ${enrollmentId}`)).map((r) => r.id);
  const totalClicks = async (brandId: string, enrollmentId: string) =>
    Number((await t.db.query<{ clicks: number }>(sql`
      SELECT clicks FROM enrollment_totals WHERE brand_id = ${brandId} AND enrollment_id = ${enrollmentId}`))[0]!.clicks);

  it('the redirect answers before its click is written; a flush writes it with its totals', async () => {
    const brand = await t.brand();
    const { enrollment, path } = await link(brand);
    const res = await follow(t.app, path, '203.0.113.20');
    expect(res.status).toBe(302);
    const clickId = new URL(res.headers.get('location')!).searchParams.get('affdash_click');
    expect(await rowsOf(enrollment.id)).toEqual([]);
    expect(t.deps.clicks.has(clickId!)).toBe(true);
    await t.deps.clicks.flush();
    expect(await rowsOf(enrollment.id)).toEqual([clickId]);
    expect(await totalClicks(brand.brandId, enrollment.id)).toBe(1);
  });

  it('clicks are written within the batch window without a flush', async () => {
    const brand = await t.brand();
    const { enrollment, path } = await link(brand);
    await follow(t.app, path, '203.0.113.21');
    await expect.poll(() => rowsOf(enrollment.id), { timeout: 2_000, interval: 20 }).toHaveLength(1);
  });

  it('a batch is written as soon as it is full', async () => {
    const brand = await t.brand();
    const { enrollment } = await link(brand);
    const buffer = new ClickBuffer(t.db, { windowMs: 60_000, maxClicks: 3 });
    const target = { brand_id: brand.brandId, id: enrollment.id };
    for (const visitor of ['a', 'b', 'c']) buffer.add(clickFor(t.deps.keys.visitorKey, target, visitor, new Date()));
    await expect.poll(() => rowsOf(enrollment.id), { timeout: 2_000, interval: 20 }).toHaveLength(3);
    expect(buffer.size).toBe(0);
  });

  it('a conversion naming a click not yet written is attributed by it', async () => {
    const brand = await t.brand();
    const { enrollment, path } = await link(brand);
    const res = await follow(t.app, path, '203.0.113.22');
    const clickId = new URL(res.headers.get('location')!).searchParams.get('affdash_click')!;
    const c = await brand.ok('POST', '/v1/conversions', { orderId: 'CLK-1', amount: 1_000, clickId }, 201);
    expect(c).toMatchObject({ enrollmentId: enrollment.id, attributedBy: 'click', clickId });
  });

  it('one visitor through two processes is one click, with one id', async () => {
    const other = t.other;
    const brand = await t.brand();
    const { enrollment, path } = await link(brand);
    const here = await follow(t.app, path, '203.0.113.23');
    const there = await follow(other.app, path, '203.0.113.23');
    const id = (r: Response) => new URL(r.headers.get('location')!).searchParams.get('affdash_click');
    expect(id(there)).toBe(id(here));
    await Promise.all([t.deps.clicks.flush(), other.deps.clicks.flush()]);
    expect(await rowsOf(enrollment.id)).toHaveLength(1);
    expect(await totalClicks(brand.brandId, enrollment.id)).toBe(1);
  });

  it('a paused link stops redirecting in another process within a second (its cached target is forgotten)', async () => {
    const other = t.other;
    await untilLive(other.deps);
    const brand = await t.brand();
    const { enrollment, path } = await link(brand);
    expect((await follow(other.app, path, '203.0.113.24')).status).toBe(302);
    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'paused' }, 200);
    await expect
      .poll(async () => (await follow(other.app, path, '203.0.113.24')).status, { timeout: 1_000, interval: 20 })
      .toBe(410);
  });
});
