import { afterEach, describe, expect, it } from 'vitest';
import { DashboardClient, TokenExpiredError, mintDashboardToken } from '../src/index.js';
import { serve, type TestServer } from './http-server.js';

const keyId = 'dkey_1';
const secret = 'a-dashboard-secret';
const mint = (enrollmentId = 'enr_me', ttlSeconds = 600) =>
  mintDashboardToken({ keyId, secret, enrollmentId, ttlSeconds }).then((t) => t.token);
const page = { data: [], nextCursor: null };

describe('DashboardClient', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('reads the enrollment named by the token unless given another', async () => {
    server = await serve(() => ({ body: page }));
    const token = await mint();
    const dashboard = new DashboardClient({ token, baseUrl: server.url });
    await dashboard.conversions.list({ status: 'pending' });
    await dashboard.payments.list({ enrollmentId: 'enr_other', limit: 5 });
    expect(server.received.map((r) => r.path)).toEqual([
      '/v1/dashboard/enrollments/enr_me/conversions',
      '/v1/dashboard/enrollments/enr_other/payments',
    ]);
    expect(server.received[0]?.query.get('status')).toBe('pending');
    expect(server.received[0]?.query.has('enrollmentId')).toBe(false);
    expect(server.received[0]?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('asks the provider again when the API says the token expired, then repeats the request', async () => {
    const tokens = [await mint(), await mint('enr_me', 900)];
    server = await serve((request) =>
      request.headers.authorization === `Bearer ${tokens[0]}`
        ? { status: 401, body: { error: { code: 'token_expired', message: 'expired' } } }
        : { body: page },
    );
    let calls = 0;
    const dashboard = new DashboardClient({ baseUrl: server.url, tokenProvider: async () => tokens[calls++]! });
    const result = await dashboard.payments.list();
    expect(result).toEqual(page);
    expect(calls).toBe(2);
    expect(server.received).toHaveLength(2);
  });

  it('reads the first screen and its pages again with If-None-Match, and a 304 gives the kept answer', async () => {
    let version = 1;
    server = await serve((request) => {
      const etag = `"${version}-${request.path.length}"`;
      if (request.headers['if-none-match'] === etag) return { status: 304, headers: { etag } };
      return { body: { ...page, nextCursor: version === 1 ? null : 'c2' }, headers: { etag } };
    });
    const dashboard = new DashboardClient({ token: await mint(), baseUrl: server.url });
    const first = await dashboard.payments.list();
    expect(server.received[0]?.headers['if-none-match']).toBeUndefined();
    expect(await dashboard.payments.list()).toEqual(first);
    expect(server.received[1]?.headers['if-none-match']).toBe(`"1-${server.received[1]!.path.length}"`);
    // another query is another answer: no tag of the first goes with it
    await dashboard.payments.list({ limit: 5 });
    expect(server.received[2]?.headers['if-none-match']).toBeUndefined();
    version = 2;
    const changed = await dashboard.payments.list();
    expect(changed.nextCursor).toBe('c2');
  });

  it('surfaces TokenExpiredError when there is only a fixed token', async () => {
    server = await serve(() => ({ status: 401, body: { error: { code: 'token_expired', message: 'expired' } } }));
    const dashboard = new DashboardClient({ token: await mint(), baseUrl: server.url });
    await expect(dashboard.retrieve()).rejects.toBeInstanceOf(TokenExpiredError);
  });

  it('renews a provided token that is about to expire before sending', async () => {
    server = await serve(() => ({ body: page }));
    const tokens = [await mint('enr_me', 5), await mint('enr_me', 600)];
    let calls = 0;
    const dashboard = new DashboardClient({ baseUrl: server.url, tokenProvider: () => tokens[calls++]! });
    await dashboard.conversions.list();
    expect(calls).toBe(2);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.headers.authorization).toBe(`Bearer ${tokens[1]}`);
  });
});
