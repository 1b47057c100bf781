import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from '@databases/pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createApiKey,
  createApp,
  createDeps,
  ensureBrand,
  serve,
  startServices,
  type AppDeps,
  type ServicesRuntime,
} from '../src/index.js';
import { backends } from './backends.js';
import { BrandClient, PUBLIC_URL, SECRET, useApp } from './harness.js';
import { startSmtp, type TestSmtp } from './smtp.js';

const { sql } = pg;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0';

/** An HTTP endpoint that counts the webhooks POSTed to each path. */
async function startReceiver() {
  const posts: string[] = [];
  const server: Server = createServer((req, res) => {
    posts.push(req.url ?? '/');
    req.resume();
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p: string) => `http://127.0.0.1:${port}${p}`,
    at: (p: string) => posts.filter((x) => x === p).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(backends())('startServices on $name', (backend) => {
  const t = useApp(backend);
  let smtp: TestSmtp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let dataDir: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver();
    dataDir = await mkdtemp(path.join(tmpdir(), 'affdash-services-'));
  });
  afterAll(async () => {
    await smtp?.close();
    await receiver?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A process's deps whose clicks wait a minute: only a flush writes them. */
  function processRuntime(): ServicesRuntime & { deps: AppDeps } {
    const deps = createDeps(t.db, { secret: SECRET, publicUrl: PUBLIC_URL, widgetFile: undefined, clickBatchMs: 60_000 });
    const config = { smtpUrl: smtp.url, dataDir, emailFrom: 'partners@glow.example', webhookPrivateNetworks: true, webhookRetentionDays: 30 };
    return { config, db: t.db, deps };
  }

  /** A brand with a member to email, a conversion past its hold, a webhook endpoint and an expired key. */
  async function work(runtime: ServicesRuntime, name: string) {
    const brandId = await ensureBrand(t.db, { name });
    const brand = new BrandClient(createApp(runtime.deps), brandId, await createApiKey(t.db, brandId, 'test'));
    const hook = `/hooks/${name}`;
    await brand.ok('POST', '/v1/webhook-endpoints', { url: receiver.url(hook), events: ['conversion.created'] }, 201);
    const email = `${name}@example.com`;
    const { offer, member, enrollment } = await brand.setup({ holdDays: 0 }, { email });
    await brand.ok('POST', `/v1/offers/${offer.id}/emails/tracking-items/send`, { memberIds: [member.id] }, 202);
    const sell = async (n: number) => {
      const sale = await brand.convert({ orderId: `${name}-${n}`, amount: 5_000, enrollmentId: enrollment.id, occurredAt: '2026-01-01T00:00:00Z' });
      expect(sale.body.status).toBe('pending');
      return sale.body;
    };
    const sale = await sell(1);
    await t.db.query(sql`
      INSERT INTO idempotency_keys (brand_id, key, request_hash, created_at)
      VALUES (${brandId}, ${`${name}-old`}, 'h', now() - interval '2 days')`);
    return {
      sell,
      slug: new URL(enrollment.trackingUrl).pathname,
      emailsTo: () => smtp.received.filter((r) => r.to.includes(email)).length,
      hooks: () => receiver.at(hook),
      saleStatus: async () => (await brand.ok('GET', `/v1/conversions/${sale.id}`, undefined, 200)).status,
      oldKeys: async () =>
        (await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM idempotency_keys WHERE brand_id = ${brandId} AND key = ${`${name}-old`}`))[0]!.n,
      clicks: async () =>
        (await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM clicks WHERE enrollment_id = ${enrollment.id}`))[0]!.n,
    };
  }

  it('runs every job of the process, and stop() drains the API, writes the clicks waiting and stops the jobs', async () => {
    const runtime = processRuntime();
    const w = await work(runtime, `all${backend.name}`);
    const running = await serve(runtime.deps, { port: 0, host: '127.0.0.1' });
    const services = startServices(runtime, { server: running });
    try {
      expect(services.jobs?.email.description).toContain('SMTP');
      await vi.waitFor(
        async () => {
          expect(w.emailsTo()).toBe(1);
          expect(w.hooks()).toBe(1);
          expect(await w.saleStatus()).toBe('approved');
          expect(await w.oldKeys()).toBe(0);
        },
        { timeout: 15_000, interval: 50 },
      );
      const click = await fetch(`${running.url}${w.slug}`, { redirect: 'manual', headers: { 'user-agent': BROWSER } });
      expect(click.status).toBe(302);
      expect(await w.clicks()).toBe(0);
    } finally {
      await services.stop();
    }
    expect(await w.clicks()).toBe(1);
    await expect(fetch(`${running.url}/health`)).rejects.toThrow();
    // the webhook worker polls every 2 s: stopped, it leaves a new event queued
    await w.sell(2);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(w.hooks()).toBe(1);
    await services.stop(); // once stopped, stopped
  });

  it('without jobs (the other workers of serve --workers) runs none, and still writes its clicks on stop()', async () => {
    const runtime = processRuntime();
    const w = await work(runtime, `nojobs${backend.name}`);
    const services = startServices(runtime, { jobs: false });
    expect(services.jobs).toBeUndefined();
    const click = await createApp(runtime.deps).request(w.slug, { headers: { 'user-agent': BROWSER } });
    expect(click.status).toBe(302);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await services.stop();
    expect(await w.clicks()).toBe(1);
    expect(w.emailsTo()).toBe(0);
    expect(w.hooks()).toBe(0);
    expect(await w.saleStatus()).toBe('pending');
    expect(await w.oldKeys()).toBe(1);
  });
});
