import pg from '@databases/pg';
import { LogoUrl, type BrandProfileUpdate, type Enrollment, type Offer } from '@affdash/core';
import type { App } from '../app.js';
import { createApiKey, ensureBrand, revokeApiKeys } from '../brands.js';
import type { Database } from '../db/index.js';
import type { AppDeps } from '../http/context.js';
import { DEMO_LOGO_PATH } from '../assets/images.js';
import { recordClick } from '../tracking/clicks.js';
import { visitorHash } from '../tracking/visitor.js';
import { demoData, type DemoConversion } from './data.js';

const { sql } = pg;
export const DEMO_BRAND_ID = 'brd_demo';
const DAY_MS = 86_400_000;
const CLICK_DAYS = 90;
const BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1';

export interface DemoResult {
  apiKey: string;
  dashboardKey: { id: string; secret: string };
  /** The member enrolled in two offers, with one hosted dashboard per offer. */
  showcase: { memberName: string; enrollments: Enrollment[] };
  seeded: boolean;
}

/** Calls the API in-process with the demo brand's key: the demo data goes through real routes. */
function client(app: App, apiKey: string) {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`demo: ${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/**
 * Seeds a demo brand with two offers (percent and tiered), members in one or both, clicks,
 * conversions in every status and payments — once. Every run issues a fresh demo API key and
 * dashboard key (secrets are shown once, stored hashed or encrypted).
 */
export async function seedDemo(db: Database, deps: AppDeps, app: App): Promise<DemoResult> {
  await ensureBrand(db, { id: DEMO_BRAND_ID, name: demoData.brandName });
  await revokeApiKeys(db, DEMO_BRAND_ID, 'demo');
  const apiKey = await createApiKey(db, DEMO_BRAND_ID, 'demo');
  const api = client(app, apiKey);
  const [{ count }] = await db.query<{ count: number }>(
    sql`SELECT count(*)::int AS count FROM offers WHERE brand_id = ${DEMO_BRAND_ID}`,
  ) as [{ count: number }];
  const seeded = count === 0;
  if (seeded) await seed(api, db, deps);
  await api('PATCH', '/v1/brand/profile', demoProfile(deps.config.publicUrl));

  const dashboardKey = await deps.dashboardKeys.create(DEMO_BRAND_ID);
  const members = await api<{ data: { id: string; name: string }[] }>('GET', '/v1/members?limit=100');
  const showcase = members.data.find((m) => m.name === demoData.showcaseMember)!;
  const enrollments = await api<{ data: Enrollment[] }>(
    'GET',
    `/v1/enrollments?memberId=${showcase.id}&limit=100`,
  );
  return {
    apiKey,
    dashboardKey: { id: dashboardKey.id, secret: dashboardKey.secret },
    showcase: { memberName: showcase.name, enrollments: enrollments.data.reverse() },
    seeded,
  };
}

type Api = ReturnType<typeof client>;

/**
 * The demo brand's profile: its logo is served by this server, so it shows where the server
 * is reachable over https or on localhost (elsewhere the pages show the neutral mark).
 */
function demoProfile(publicUrl: string): BrandProfileUpdate {
  const logoUrl = `${publicUrl}${DEMO_LOGO_PATH}`;
  return { ...demoData.profile, logoUrl: LogoUrl.safeParse(logoUrl).success ? logoUrl : null };
}

async function seed(api: Api, db: Database, deps: AppDeps): Promise<void> {
  const now = Date.now();
  const offers = new Map<string, Offer>();
  for (const offer of demoData.offers) {
    offers.set(offer.key, await api<Offer>('POST', '/v1/offers', offer.create));
  }
  for (const m of demoData.members) {
    const member = await api<{ id: string }>('POST', '/v1/members', m.create);
    for (const e of m.enrollments) {
      const enrollment = await api<Enrollment>('POST', '/v1/enrollments', {
        offerId: offers.get(e.offer)!.id,
        memberId: member.id,
      });
      await recordDemoClicks(db, deps, enrollment, e.clicks, now);
      for (const c of e.conversions) await recordDemoConversion(api, enrollment, c, now);
      for (const p of e.payments) {
        await api('POST', '/v1/payments', {
          enrollmentId: enrollment.id,
          amount: p.amount,
          currency: offers.get(e.offer)!.currency,
          method: p.method,
          reference: p.reference,
          paidAt: new Date(now - p.daysAgo * DAY_MS).toISOString(),
        });
      }
    }
  }
}

/**
 * Past clicks, more of them in recent weeks, each from its own visitor. The redirect route
 * records clicks as they happen; these are recorded as at their time, rollups included.
 */
async function recordDemoClicks(db: Database, deps: AppDeps, enrollment: Enrollment, count: number, now: number) {
  for (let i = 0; i < count; i++) {
    const daysAgo = Math.floor(CLICK_DAYS * (1 - Math.sqrt((i + 0.5) / count)));
    const at = new Date(now - daysAgo * DAY_MS - ((i * 7_919) % DAY_MS));
    const ip = `198.51.100.${i % 250}`;
    const hashAt = (day: Date) => visitorHash(deps.keys.visitorKey, `${ip}:${i}`, BROWSER, day);
    await recordClick(db, deps.keys.visitorKey, { brand_id: DEMO_BRAND_ID, id: enrollment.id }, hashAt, at);
  }
}

async function recordDemoConversion(api: Api, enrollment: Enrollment, c: DemoConversion, now: number) {
  const conversion = await api<{ id: string }>('POST', '/v1/conversions', {
    orderId: c.orderId,
    amount: c.amount,
    enrollmentId: enrollment.id,
    occurredAt: new Date(now - c.daysAgo * DAY_MS).toISOString(),
  });
  const steps: { status: string; reason?: string }[] =
    c.status === 'approved'
      ? [{ status: 'approved' }]
      : c.status === 'rejected'
        ? [{ status: 'rejected', reason: c.reason! }]
        : c.status === 'reversed'
          ? [{ status: 'approved' }, { status: 'reversed', reason: c.reason! }]
          : [];
  for (const step of steps) await api('PATCH', `/v1/conversions/${conversion.id}`, step);
}
