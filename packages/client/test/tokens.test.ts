import { DASHBOARD_AUDIENCE, MAX_DASHBOARD_TOKEN_SECONDS } from '@affdash/core';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, mintDashboardToken } from '../src/index.js';

const secret = 'dk_secret_of_the_brand_0123456789';
const key = new TextEncoder().encode(secret);
const base = { keyId: 'dkey_1', secret, enrollmentId: 'enr_abc' };

describe('mintDashboardToken', () => {
  it('signs an HS256 JWT with kid, aud, sub, iat and a one-hour exp by default', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { token, expiresAt } = await mintDashboardToken(base);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', kid: 'dkey_1' });
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], audience: DASHBOARD_AUDIENCE });
    expect(payload.aud).toBe('affdash:dashboard');
    expect(payload.sub).toBe('enr_abc');
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload.jti).toBeUndefined();
    expect(expiresAt).toBe(new Date(payload.exp! * 1000).toISOString());
  });

  it('takes a ttl up to 24 hours and a jti', async () => {
    const { token } = await mintDashboardToken({ ...base, ttlSeconds: MAX_DASHBOARD_TOKEN_SECONDS, jti: 'visit-1' });
    const { payload } = await jwtVerify(token, key);
    expect(payload.exp! - payload.iat!).toBe(24 * 60 * 60);
    expect(payload.jti).toBe('visit-1');
  });

  it('does not verify with another secret', async () => {
    const { token } = await mintDashboardToken(base);
    await expect(jwtVerify(token, new TextEncoder().encode('other'))).rejects.toThrow();
  });

  it.each([
    [{ ttlSeconds: MAX_DASHBOARD_TOKEN_SECONDS + 1 }, 'ttlSeconds'],
    [{ ttlSeconds: 0 }, 'ttlSeconds'],
    [{ ttlSeconds: 1.5 }, 'ttlSeconds'],
    [{ secret: '' }, 'secret'],
    [{ enrollmentId: 'not an id' }, ''],
    [{ keyId: '' }, ''],
    [{ jti: '' }, 'jti'],
  ])('rejects %o', async (change, path) => {
    const error = await mintDashboardToken({ ...base, ...change }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ code: 'validation_failed', status: undefined });
    expect((error as InvalidInputError).details?.issues?.[0]?.path).toBe(path);
  });
});
