import { createHmac } from 'node:crypto';

/** Runs `fn` over `items` with at most `limit` calls in flight. */
async function pool(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return out;
}

function client(baseUrl, apiKey) {
  return async function call(method, path, body) {
    const res = await fetch(baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
}

/**
 * Seeds, through the brand API: one offer (10 % of the sale), one member, one enrollment,
 * `conversions` conversions (3/5 approved, 1/5 rejected, 1/5 left pending), `payments`
 * payments and `clicks` tracking-link clicks. Then mints a dashboard token (server-signed,
 * EdDSA) and a brand dashboard key, and signs an HS256 token with it.
 */
export async function seed(baseUrl, apiKey, { conversions = 200, payments = 3, clicks = 20 } = {}) {
  const call = client(baseUrl, apiKey);
  const offer = await call('POST', '/v1/offers', {
    name: 'Bench offer',
    description: 'Ten percent of every sale, paid monthly.',
    currency: 'USD',
    commission: { type: 'percent', rateBps: 1000 },
    holdDays: 30,
    destinationUrl: 'https://shop.example/',
    codePrefix: 'BENCH',
  });
  const member = await call('POST', '/v1/members', { name: 'Bench Member', email: 'member@bench.example' });
  const enrollment = await call('POST', '/v1/enrollments', { offerId: offer.id, memberId: member.id });

  const now = Date.now();
  const day = 86_400_000;
  const created = await pool(Array.from({ length: conversions }, (_, i) => i), 8, (i) =>
    call('POST', '/v1/conversions', {
      orderId: `bench-order-${i}`,
      amount: 1_000 + ((i * 7_919) % 19_000),
      enrollmentId: enrollment.id,
      occurredAt: new Date(now - ((i * 11) % 90) * day - i * 60_000).toISOString(),
    }),
  );
  await pool(created, 8, (conversion, i) => {
    if (i % 5 === 4) return null;
    const update = i % 5 === 0 ? { status: 'rejected', reason: 'The order was returned.' } : { status: 'approved' };
    return call('PATCH', `/v1/conversions/${conversion.id}`, update);
  });
  for (let i = 0; i < payments; i++) {
    await call('POST', '/v1/payments', {
      enrollmentId: enrollment.id,
      amount: 5_000 + i * 1_000,
      currency: 'USD',
      method: 'bank_transfer',
      reference: `bench-payout-${i + 1}`,
      paidAt: new Date(now - (payments - i) * 30 * day).toISOString(),
    });
  }
  const slug = new URL(enrollment.trackingUrl).pathname;
  await pool(Array.from({ length: clicks }), 4, async () => {
    const res = await fetch(baseUrl + slug, { redirect: 'manual' });
    await res.arrayBuffer();
  });

  const { token } = await call('POST', '/v1/dashboard-tokens', { enrollmentId: enrollment.id, ttlSeconds: 3_600 });
  const key = await call('POST', '/v1/dashboard-keys');
  return {
    offerId: offer.id,
    memberId: member.id,
    enrollmentId: enrollment.id,
    dashboardUrl: enrollment.dashboardUrl,
    slug,
    conversions,
    rejected: Math.ceil(conversions / 5),
    payments,
    clicks,
    token,
    hs256Token: signHs256({ kid: key.id, secret: key.secret, sub: enrollment.id }),
  };
}

/** A dashboard token as a brand backend mints it offline (see docs/api.md). */
export function signHs256({ kid, secret, sub, ttlSeconds = 3_600 }) {
  const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const input = `${b64({ alg: 'HS256', typ: 'JWT', kid })}.${b64({ aud: 'affdash:dashboard', sub, iat, exp: iat + ttlSeconds })}`;
  return `${input}.${createHmac('sha256', Buffer.from(secret, 'utf8')).update(input).digest('base64url')}`;
}
