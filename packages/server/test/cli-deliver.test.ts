import { describe, expect, it } from 'vitest';
import { runCli, useCliDataFolder } from './cli-run.js';
import { createApiKey, createApp, ensureBrand, openRuntime } from '../src/index.js';

describe('affdash deliver', () => {
  useCliDataFolder('d'.repeat(48));

  it('approves the conversions whose hold period is over, and only those, in the same round', async () => {
    const runtime = await openRuntime();
    const brandId = await ensureBrand(runtime.db, { name: 'Glow Cosmetics' });
    const apiKey = await createApiKey(runtime.db, brandId, 'cli');
    const app = createApp(runtime.deps);
    const post = async (p: string, body: unknown) => {
      const res = await app.request(p, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, p).toBe(201);
      return (await res.json()) as { id: string; status?: string };
    };
    const offer = await post('/v1/offers', {
      name: 'Summer Glow', currency: 'USD', commission: { type: 'percent', rateBps: 1000 }, holdDays: 30,
      destinationUrl: 'https://shop.example',
    });
    const member = await post('/v1/members', { name: 'Maya', email: 'maya@example.com' });
    const enrollment = await post('/v1/enrollments', { offerId: offer.id, memberId: member.id });
    const old = await post('/v1/conversions', {
      orderId: 'OLD-1', amount: 10_000, enrollmentId: enrollment.id, occurredAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
    });
    const fresh = await post('/v1/conversions', { orderId: 'NEW-1', amount: 10_000, enrollmentId: enrollment.id });
    await runtime.db.close();

    const { out, code } = await runCli(['deliver']);
    expect(code).toBe(0);
    expect(out).toMatch(/^approval: approved 1 conversions whose hold period is over\n/);
    expect(out).toMatch(/\nemail: sent \d+/);

    const again = await openRuntime();
    const status = async (id: string) =>
      ((await (await createApp(again.deps).request(`/v1/conversions/${id}`, { headers: { authorization: `Bearer ${apiKey}` } })).json()) as { status: string }).status;
    expect(await status(old.id)).toBe('approved');
    expect(await status(fresh.id)).toBe('pending');
    await again.db.close();
    expect((await runCli(['deliver'])).out).toMatch(/^approval: approved 0 conversions/);
  });
});
