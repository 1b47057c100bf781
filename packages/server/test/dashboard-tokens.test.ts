import { SignJWT, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { deriveServerKeys } from '../src/keys/server-keys.js';
import { backends } from './backends.js';
import { type BrandClient, expectError, SECRET, useApp } from './harness.js';

const AUD = 'affdash:dashboard';
const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface MintOptions {
  kid: string;
  secret: string;
  sub: string;
  iat?: number;
  exp?: number;
  aud?: string;
  alg?: string;
}

/** A dashboard token as a brand backend mints it offline: HS256, key = UTF-8 bytes of the secret. */
function mint(o: MintOptions): Promise<string> {
  const iat = o.iat ?? now();
  return new SignJWT({})
    .setProtectedHeader({ alg: o.alg ?? 'HS256', kid: o.kid, typ: 'JWT' })
    .setAudience(o.aud ?? AUD)
    .setSubject(o.sub)
    .setIssuedAt(iat)
    .setExpirationTime(o.exp ?? iat + 3600)
    .sign(new TextEncoder().encode(o.secret));
}

describe.each(backends())('dashboard tokens on $name', (backend) => {
  const t = useApp(backend);

  async function dashboardKey(brand: BrandClient): Promise<{ id: string; secret: string }> {
    const key = await brand.ok('POST', '/v1/dashboard-keys', undefined, 201);
    expect(key).toMatchObject({ algorithm: 'HS256', revokedAt: null });
    expect(key.id).toMatch(/^dk_/);
    expect(key.secret.length).toBeGreaterThanOrEqual(43);
    return key;
  }

  const read = (token: string, enrollmentId: string) =>
    t.dashboard(token, `/v1/dashboard/enrollments/${enrollmentId}`);

  async function expectReads(token: string, enrollmentId: string) {
    const answer = await read(token, enrollmentId);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.enrollment.id).toBe(enrollmentId);
  }

  it('an API-minted token reads its enrollment and expires when it says', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const minted = await brand.ok('POST', '/v1/dashboard-tokens', { enrollmentId: enrollment.id, ttlSeconds: 600 }, 201);
    const header = decodeProtectedHeader(minted.token);
    expect(header.alg).toBe('EdDSA');
    const lifetime = Date.parse(minted.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(590_000);
    expect(lifetime).toBeLessThanOrEqual(600_000);
    await expectReads(minted.token, enrollment.id);

    expectError(await brand.call('POST', '/v1/dashboard-tokens', { enrollmentId: enrollment.id, ttlSeconds: 86_401 }), 400, 'validation_failed');
    expectError(await brand.call('POST', '/v1/dashboard-tokens', { enrollmentId: 'enr_unknown' }), 404, 'not_found');
    const other = await t.brand();
    expectError(await other.call('POST', '/v1/dashboard-tokens', { enrollmentId: enrollment.id }), 404, 'not_found');
  });

  it('an offline HS256 token from a dashboard key reads its enrollment', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const key = await dashboardKey(brand);
    await expectReads(await mint({ kid: key.id, secret: key.secret, sub: enrollment.id }), enrollment.id);
    // The listing never shows the secret.
    const list = await brand.ok('GET', '/v1/dashboard-keys', undefined, 200);
    expect(list.data).toEqual([{ id: key.id, algorithm: 'HS256', createdAt: expect.any(String), revokedAt: null }]);
  });

  it('a revoked key stops working at once', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const key = await dashboardKey(brand);
    const token = await mint({ kid: key.id, secret: key.secret, sub: enrollment.id });
    await expectReads(token, enrollment.id);
    const revoked = await brand.ok('DELETE', `/v1/dashboard-keys/${key.id}`, undefined, 200);
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expectError(await read(token, enrollment.id), 401, 'unauthorized');
    expectError(await read(await mint({ kid: key.id, secret: key.secret, sub: enrollment.id }), enrollment.id), 401, 'unauthorized');
    // Another brand cannot revoke it.
    const other = await t.brand();
    const key2 = await dashboardKey(brand);
    expectError(await other.call('DELETE', `/v1/dashboard-keys/${key2.id}`), 404, 'not_found');
    await expectReads(await mint({ kid: key2.id, secret: key2.secret, sub: enrollment.id }), enrollment.id);
  });

  it('refuses expired, forged, unsigned, mis-keyed and over-long tokens', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const key = await dashboardKey(brand);
    const sub = enrollment.id;

    const expired = await mint({ kid: key.id, secret: key.secret, sub, iat: now() - 7200, exp: now() - 3600 });
    expectError(await read(expired, sub), 401, 'token_expired');

    const forged = await mint({ kid: key.id, secret: 'another-secret-entirely-0123456789', sub });
    expectError(await read(forged, sub), 401, 'unauthorized');

    const payload = { aud: AUD, sub, iat: now(), exp: now() + 600 };
    const unsigned = `${b64({ alg: 'none', kid: key.id, typ: 'JWT' })}.${b64(payload)}.`;
    expectError(await read(unsigned, sub), 401, 'unauthorized');

    const serverKid = decodeProtectedHeader(await brand.token(sub)).kid as string;
    const unsignedServer = `${b64({ alg: 'none', kid: serverKid })}.${b64(payload)}.`;
    expectError(await read(unsignedServer, sub), 401, 'unauthorized');
    // HS256 with the server's kid: the server's key is EdDSA only; guessing a secret gets nothing.
    for (const secret of [key.secret, serverKid, 'x'.repeat(48)]) {
      expectError(await read(await mint({ kid: serverKid, secret, sub }), sub), 401, 'unauthorized');
    }

    const iat = now();
    const tooLong = await mint({ kid: key.id, secret: key.secret, sub, iat, exp: iat + 24 * 3600 + 1 });
    expectError(await read(tooLong, sub), 401, 'unauthorized');
    const dayLong = await mint({ kid: key.id, secret: key.secret, sub, iat, exp: iat + 24 * 3600 });
    await expectReads(dayLong, sub);

    const wrongAudience = await mint({ kid: key.id, secret: key.secret, sub, aud: 'affdash:api' });
    expectError(await read(wrongAudience, sub), 401, 'unauthorized');
    const unknownKid = await mint({ kid: 'dk_doesnotexist', secret: key.secret, sub });
    expectError(await read(unknownKid, sub), 401, 'unauthorized');
    const noKid = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setAudience(AUD).setSubject(sub)
      .setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(key.secret));
    expectError(await read(noKid, sub), 401, 'unauthorized');
    const noExp = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: key.id }).setAudience(AUD)
      .setSubject(sub).setIssuedAt().sign(new TextEncoder().encode(key.secret));
    expectError(await read(noExp, sub), 401, 'unauthorized');
    expectError(await read('garbage', sub), 401, 'unauthorized');
    expectError(await t.dashboard('', `/v1/dashboard/enrollments/${sub}`), 401, 'unauthorized');
  });

  it('refuses an iat ahead of the clock, an nbf still ahead and an exp over 24 h from now, on both token kinds', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const sub = enrollment.id;
    const key = await dashboardKey(brand);
    const server = deriveServerKeys(SECRET);
    const tenYears = 10 * 365 * 24 * 3600;
    /** The two kinds: a brand's offline HS256 token, and one signed with the server's key
     * (what POST /v1/dashboard-tokens and the hosted page mint). */
    const kinds = {
      brand: (claims: { iat: number; exp: number; nbf?: number }) =>
        sign(claims, { alg: 'HS256', kid: key.id }, new TextEncoder().encode(key.secret)),
      server: (claims: { iat: number; exp: number; nbf?: number }) =>
        sign({ ...claims, bid: brand.brandId }, { alg: 'EdDSA', kid: server.signingKid }, server.signingKey),
    };
    function sign(claims: Record<string, number | string>, header: { alg: string; kid: string }, secret: Parameters<SignJWT['sign']>[0]) {
      return new SignJWT(claims).setProtectedHeader(header).setAudience(AUD).setSubject(sub).sign(secret);
    }
    for (const [kind, mintKind] of Object.entries(kinds)) {
      const future = now() + tenYears;
      const ahead = await mintKind({ iat: future, exp: future + 3600 });
      const answer = await read(ahead, sub);
      expectError(answer, 401, 'unauthorized');
      expect(answer.body.error.message, kind).toContain('iat');
      // a few seconds of clock skew is tolerated
      await expectReads(await mintKind({ iat: now() + 20, exp: now() + 3600 }), sub);
      const notYet = await mintKind({ iat: now(), nbf: now() + 3600, exp: now() + 7200 });
      expectError(await read(notYet, sub), 401, 'unauthorized');
      const farExp = await mintKind({ iat: now() - 60, exp: now() + 24 * 3600 + 120 });
      expectError(await read(farExp, sub), 401, 'unauthorized');
      await expectReads(await mintKind({ iat: now(), nbf: now(), exp: now() + 24 * 3600 }), sub);
    }
  });

  it("a token from brand A's key never reads brand B's enrollment", async () => {
    const a = await t.brand('Brand A');
    const b = await t.brand('Brand B');
    const keyA = await dashboardKey(a);
    const { enrollment: theirs } = await b.setup();
    await b.convert({ orderId: 'SECRET-ORDER-1', amount: 5_000, enrollmentId: theirs.id });
    const token = await mint({ kid: keyA.id, secret: keyA.secret, sub: theirs.id });
    for (const path of ['', '/conversions', '/payments']) {
      const answer = await t.dashboard(token, `/v1/dashboard/enrollments/${theirs.id}${path}`);
      expect([401, 404]).toContain(answer.status);
      expect(answer.body.error).toBeDefined();
      expect(answer.text).not.toContain('SECRET');
      expect(answer.text).not.toContain(theirs.promoCode);
    }
  });

  it('a token for enrollment X asking for enrollment Y is a 404', async () => {
    const brand = await t.brand();
    const { offer, enrollment: x } = await brand.setup();
    const y = await brand.enroll(offer.id, (await brand.createMember({ name: 'Noah' })).id);
    const key = await dashboardKey(brand);
    for (const token of [await brand.token(x.id), await mint({ kid: key.id, secret: key.secret, sub: x.id })]) {
      for (const path of ['', '/conversions', '/payments']) {
        expectError(await t.dashboard(token, `/v1/dashboard/enrollments/${y.id}${path}`), 404, 'not_found');
      }
    }
  });

  it('an ended enrollment cannot be read, even with a token minted before', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const key = await dashboardKey(brand);
    const apiToken = await brand.token(enrollment.id);
    const offline = await mint({ kid: key.id, secret: key.secret, sub: enrollment.id });
    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'paused' }, 200);
    await expectReads(apiToken, enrollment.id); // paused is still readable
    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'ended' }, 200);
    for (const token of [apiToken, offline]) {
      for (const path of ['', '/conversions', '/payments']) {
        expectError(await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}${path}`), 401, 'unauthorized');
      }
    }
    expectError(await brand.call('POST', '/v1/dashboard-tokens', { enrollmentId: enrollment.id }), 422, 'enrollment_inactive');
  });
});
