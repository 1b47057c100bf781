import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { call, expectError, useApp } from './harness.js';

/** A browser the tracking link counts (bots and prefetches are not counted). */
const VISITOR = {
  'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
};
const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);

describe.each(backends())('dashboard series on $name', (backend) => {
  const t = useApp(backend);

  async function enrollmentWithHistory() {
    const brand = await t.brand();
    const { enrollment } = await brand.setup({ currency: 'EUR' });
    const convert = (orderId: string, amount: number, occurredAt: string) =>
      brand.convert({ orderId, amount, currency: 'EUR', enrollmentId: enrollment.id, occurredAt });
    const a = await convert('S-1', 10_000, '2026-02-03T09:00:00Z');
    await convert('S-2', 5_000, '2026-02-03T22:00:00Z');
    const c = await convert('S-3', 20_000, '2026-02-05T01:00:00Z');
    await convert('S-4', 7_000, '2026-02-06T12:00:00Z');
    await brand.ok('PATCH', `/v1/conversions/${a.body.id}`, { status: 'approved' }, 200);
    await brand.ok('PATCH', `/v1/conversions/${c.body.id}`, { status: 'rejected', reason: 'Returned' }, 200);
    await call(brand.app, 'GET', new URL(enrollment.trackingUrl).pathname, { headers: VISITOR });
    return { brand, enrollment, token: await brand.token(enrollment.id) };
  }

  it('returns one zero-filled point per day from the rollup', async () => {
    const { enrollment, token } = await enrollmentWithHistory();
    const answer = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/series?from=2026-02-02&to=2026-02-06`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      from: '2026-02-02',
      to: '2026-02-06',
      currency: 'EUR',
      points: [
        { day: '2026-02-02', clicks: 0, conversions: 0, sales: 0, commission: 0 },
        { day: '2026-02-03', clicks: 0, conversions: 2, sales: 15_000, commission: 1_500 },
        { day: '2026-02-04', clicks: 0, conversions: 0, sales: 0, commission: 0 },
        // the rejected sale no longer counts on its day
        { day: '2026-02-05', clicks: 0, conversions: 0, sales: 0, commission: 0 },
        { day: '2026-02-06', clicks: 0, conversions: 1, sales: 7_000, commission: 700 },
      ],
    });
  });

  it('defaults to the last 30 days, today included, with today’s clicks', async () => {
    const { enrollment, token } = await enrollmentWithHistory();
    const answer = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/series`);
    expect(answer.status).toBe(200);
    expect(answer.body.from).toBe(daysAgo(29));
    expect(answer.body.to).toBe(today());
    expect(answer.body.points).toHaveLength(30);
    expect(answer.body.points.at(-1)).toMatchObject({ day: today(), clicks: 1 });

    const fromOnly = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/series?from=2026-01-01`);
    expect({ from: fromOnly.body.from, to: fromOnly.body.to }).toEqual({ from: '2026-01-01', to: '2026-01-30' });
  });

  it('accepts up to 366 days and refuses bad ranges with a 400', async () => {
    const { enrollment, token } = await enrollmentWithHistory();
    const base = `/v1/dashboard/enrollments/${enrollment.id}/series`;
    const year = await t.dashboard(token, `${base}?from=2024-01-01&to=2024-12-31`);
    expect(year.status).toBe(200);
    expect(year.body.points).toHaveLength(366);
    for (const query of [
      'from=2024-01-01&to=2025-01-01', // 367 days
      'from=2026-02-06&to=2026-02-05', // reversed
      'from=2026-02-30', // not a day
      'from=yesterday',
      'to=2026-2-5',
    ]) {
      expectError(await t.dashboard(token, `${base}?${query}`), 400, 'validation_failed');
    }
  });

  it('needs a token for the enrollment', async () => {
    const { enrollment } = await enrollmentWithHistory();
    const other = await enrollmentWithHistory();
    expectError(await t.dashboard('nope', `/v1/dashboard/enrollments/${enrollment.id}/series`), 401, 'unauthorized');
    const cross = await t.dashboard(other.token, `/v1/dashboard/enrollments/${enrollment.id}/series`);
    expect(cross.status).toBeGreaterThanOrEqual(401);
    expect(cross.status).toBeLessThanOrEqual(404);
  });

  it('the first screen carries the last 30 days in the same request', async () => {
    const { enrollment, token } = await enrollmentWithHistory();
    const first = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}`);
    expect(first.status).toBe(200);
    const series = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/series`);
    expect(first.body.series).toEqual(series.body);
    expect(first.body.series.points).toHaveLength(30);
  });
});
