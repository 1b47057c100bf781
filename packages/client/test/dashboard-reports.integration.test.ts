import { describe, expect, it } from 'vitest';
import { useSdk } from './server.js';
import { DashboardClient, InvalidInputError } from '../src/index.js';

const t = useSdk();

describe('dashboard series, exports and statements through the SDK', () => {
  it('reads what the member can download', async () => {
    const offer = await t.affdash.offers.create({
      name: 'Reports', currency: 'USD', commission: { type: 'percent', rateBps: 1_000 },
      destinationUrl: 'https://shop.example/r', payoutMinimum: 5_000, payoutSchedule: 'weekly',
    });
    expect({ min: offer.payoutMinimum, schedule: offer.payoutSchedule }).toEqual({ min: 5_000, schedule: 'weekly' });
    const member = await t.affdash.members.create({ name: 'Grace Hopper' });
    const enrollment = await t.affdash.enrollments.create({ offerId: offer.id, memberId: member.id });
    const conversion = await t.affdash.conversions.create({
      orderId: 'SDK-R-1', amount: 20_000, enrollmentId: enrollment.id, occurredAt: '2026-03-05T10:00:00Z',
    });
    await t.affdash.conversions.update(conversion.id, { status: 'approved' });
    const { token } = await t.affdash.dashboardTokens.create({ enrollmentId: enrollment.id });
    const dashboard = new DashboardClient({ token, baseUrl: t.server.url });

    const first = await dashboard.retrieve();
    expect(first.series.points).toHaveLength(30);
    expect(first.payout).toMatchObject({ schedule: 'weekly', remaining: { amount: 3_000, currency: 'USD' } });

    const series = await dashboard.series({ from: '2026-03-04', to: '2026-03-06' });
    expect(series.points.map((p) => p.commission)).toEqual([0, 2_000, 0]);
    await expect(dashboard.series({ from: 'March' })).rejects.toBeInstanceOf(InvalidInputError);

    const csv = await dashboard.exportConversionsCsv({ status: 'approved' });
    expect(csv.split('\r\n')[1]).toContain(',approved,2026-03-05T10:00:00.000Z,');
    expect(await dashboard.exportPaymentsCsv()).toBe('id,paid_at,amount,currency,method,reference\r\n');

    expect(await dashboard.statement('2026-03')).toMatchObject({ approved: { amount: 2_000, currency: 'USD' } });
    expect(await dashboard.statementCsv('2026-03')).toContain('2026-03,USD,0.00,20.00,0.00,0.00,20.00');
    await expect(dashboard.statement('2026-3')).rejects.toBeInstanceOf(InvalidInputError);
  });
});
