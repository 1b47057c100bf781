import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from '../src/keys/verified-tokens.js';
import { backends } from './backends.js';
import { call, expectError, untilLive, useApp, type App } from './harness.js';

const AUD = 'affdash:dashboard';
const now = () => Math.floor(Date.now() / 1000);

function mint(key: { id: string; secret: string }, sub: string, ttl = 3600): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', kid: key.id })
    .setAudience(AUD)
    .setSubject(sub)
    .setIssuedAt(now())
    .setExpirationTime(now() + ttl)
    .sign(new TextEncoder().encode(key.secret));
}

describe('verified tokens', () => {
  const grant = { brandId: 'br_1', enrollmentId: 'enr_1' };

  it('keeps a token until its exp, and forgets the tokens of a revoked key', () => {
    const tokens = new VerifiedTokens();
    tokens.set('a', 'dk_1', grant, 2_000, tokens.generation);
    tokens.set('b', 'dk_2', grant, 2_000, tokens.generation);
    expect(tokens.get('a', 1_999)).toEqual(grant);
    expect(tokens.get('a', 2_000)).toBeUndefined();
    tokens.forgetKey('dk_2');
    expect(tokens.get('b', 1_000)).toBeUndefined();
  });

  it('does not keep a token verified before a revocation that happened meanwhile', () => {
    const tokens = new VerifiedTokens();
    const before = tokens.generation;
    tokens.forgetKey('dk_1');
    tokens.set('a', 'dk_1', grant, 2_000, before);
    expect(tokens.get('a', 1_000)).toBeUndefined();
  });

  it('holds at most its bound, the oldest going first', () => {
    const tokens = new VerifiedTokens(2);
    for (const t of ['a', 'b', 'c']) tokens.set(t, 'dk', grant, 2_000, tokens.generation);
    expect(tokens.size).toBe(2);
    expect(tokens.get('a', 1_000)).toBeUndefined();
    expect(tokens.get('c', 1_000)).toEqual(grant);
  });
});

describe.each(backends())('the token cache on $name', (backend) => {
  const t = useApp(backend);
  const read = (app: App, token: string, id: string) =>
    call(app, 'GET', `/v1/dashboard/enrollments/${id}`, { auth: token });

  it('a verified token is served from the cache, and a revocation still stops it at once', async () => {
    await untilLive(t.deps);
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const key = await brand.ok('POST', '/v1/dashboard-keys', undefined, 201);
    const token = await mint(key, enrollment.id);
    expect((await read(t.app, token, enrollment.id)).status).toBe(200);
    expect(t.deps.verifiedTokens.get(token)).toEqual({ brandId: brand.brandId, enrollmentId: enrollment.id });
    expect((await read(t.app, token, enrollment.id)).status).toBe(200);
    await brand.ok('DELETE', `/v1/dashboard-keys/${key.id}`, undefined, 200);
    expect(t.deps.verifiedTokens.get(token)).toBeUndefined();
    expectError(await read(t.app, token, enrollment.id), 401, 'unauthorized');
  });

  it('a revocation in one process reaches the cache of another within a second', async () => {
    const other = t.other;
    await untilLive(t.deps);
    await untilLive(other.deps);
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const key = await brand.ok('POST', '/v1/dashboard-keys', undefined, 201);
    const token = await mint(key, enrollment.id);
    expect((await read(other.app, token, enrollment.id)).status).toBe(200);
    expect(other.deps.verifiedTokens.get(token)).toBeDefined();
    await brand.ok('DELETE', `/v1/dashboard-keys/${key.id}`, undefined, 200);
    const revokedAt = Date.now();
    await expect
      .poll(async () => (await read(other.app, token, enrollment.id)).status, { timeout: 1_000, interval: 20 })
      .toBe(401);
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
  });

  it('an expired token is not served from the cache', async () => {
    await untilLive(t.deps);
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const key = await brand.ok('POST', '/v1/dashboard-keys', undefined, 201);
    const token = await mint(key, enrollment.id, 1);
    expect((await read(t.app, token, enrollment.id)).status).toBe(200);
    // the cache keeps it until exp + the 30 s clock tolerance, never longer
    const entry = t.deps.verifiedTokens.get(token, (now() + 1 + 30) * 1000);
    expect(entry).toBeUndefined();
  });
});
