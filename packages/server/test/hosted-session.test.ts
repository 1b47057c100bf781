import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { PUBLIC_URL, read, useApp } from './harness.js';

function embeddedToken(html: string): string {
  const match = /<script type="application\/json" id="affdash-token">(.*?)<\/script>/s.exec(html);
  expect(match, 'the page embeds a token').not.toBeNull();
  return JSON.parse(match![1]!).token;
}

/** The `name=value` of the session cookie a response sets, and its attributes. */
function sessionCookie(res: Response): { pair: string; attributes: string } {
  const header = res.headers.get('set-cookie') ?? '';
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  expect(pair, 'a session cookie is set').toMatch(/^affdash_session=./);
  return { pair: pair!, attributes: attributes.join('; ') };
}

describe.each(backends())('hosted dashboard session on $name', (backend) => {
  const t = useApp(backend);

  async function open() {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const path = enrollment.dashboardUrl.slice(PUBLIC_URL.length) as string;
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    return { brand, enrollment, path, cookie: sessionCookie(res), page: await res.text() };
  }

  it('the link sets an HttpOnly, SameSite=Lax cookie scoped to /d, and the page leaves the address bar', async () => {
    const { cookie, page, path } = await open();
    expect(cookie.attributes).toContain('Path=/d');
    expect(cookie.attributes).toContain('HttpOnly');
    expect(cookie.attributes).toContain('SameSite=Lax');
    expect(cookie.attributes).not.toContain('Secure');
    expect(cookie.pair).not.toContain(path.slice(3));
    expect(page).toContain(`history.replaceState(null, '', '/d/' + location.search)`);
  });

  it('the cookie is Secure when the request is https', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const path = enrollment.dashboardUrl.slice(PUBLIC_URL.length);
    const res = await t.app.request(`https://affdash.test${path}`);
    expect(sessionCookie(res).attributes).toContain('Secure');
  });

  it('/d/ with the cookie serves the page again, and POST /d/token refreshes the token', async () => {
    const { cookie, enrollment } = await open();
    const again = await read(await t.app.request('/d/', { headers: { cookie: cookie.pair } }));
    expect(again.status).toBe(200);
    expect(again.headers.get('cache-control')).toBe('private, no-store');
    const pageToken = embeddedToken(again.text);
    expect((await t.dashboard(pageToken, `/v1/dashboard/enrollments/${enrollment.id}`)).status).toBe(200);

    const refreshed = await read(await t.app.request('/d/token', { method: 'POST', headers: { cookie: cookie.pair } }));
    expect(refreshed.status).toBe(201);
    expect(refreshed.headers.get('cache-control')).toBe('no-store');
    const dashboard = await t.dashboard(refreshed.body.token, `/v1/dashboard/enrollments/${enrollment.id}`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.enrollment.id).toBe(enrollment.id);
  });

  it('without a cookie, /d/ says to open the link from the email, and /d/token is a 401', async () => {
    const page = await read(await t.app.request('/d/'));
    expect(page.status).toBe(401);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('Open your dashboard from your email');
    expect(page.text).not.toContain('affdash-token');
    const token = await read(await t.app.request('/d/token', { method: 'POST' }));
    expect(token.status).toBe(401);
    expect(token.body.error.code).toBe('unauthorized');
  });

  it('a forged or altered cookie is refused', async () => {
    const { cookie, brand, enrollment } = await open();
    const other = await brand.setup({ name: 'Other' }, { email: 'other@example.com' });
    const forged = [
      cookie.pair.replace(enrollment.id, other.enrollment.id),
      cookie.pair.slice(0, -2) + (cookie.pair.endsWith('AA') ? 'BB' : 'AA'),
      'affdash_session=garbage',
      `affdash_session=${brand.brandId}.${enrollment.id}.${'A'.repeat(43)}`,
    ];
    for (const bad of forged) {
      const page = await t.app.request('/d/', { headers: { cookie: bad } });
      expect(page.status, bad).toBe(401);
      const token = await t.app.request('/d/token', { method: 'POST', headers: { cookie: bad } });
      expect(token.status, bad).toBe(401);
    }
  });

  it('rotating the link invalidates the cookie session, and ending the enrollment does too', async () => {
    const { cookie, brand, enrollment, path } = await open();
    await brand.ok('POST', `/v1/enrollments/${enrollment.id}/rotate-dashboard-link`, undefined, 200);
    const page = await t.app.request('/d/', { headers: { cookie: cookie.pair } });
    expect(page.status).toBe(401);
    expect(page.headers.get('set-cookie')).toMatch(/affdash_session=;.*Max-Age=0/);
    expect(await page.text()).toContain('You’ve been signed out');
    expect((await t.app.request('/d/token', { method: 'POST', headers: { cookie: cookie.pair } })).status).toBe(401);
    // the old link says it was replaced
    const old = await read(await t.app.request(path));
    expect(old.status).toBe(410);
    expect(old.text).toContain('This link has been replaced');

    const second = await open();
    await second.brand.ok('PATCH', `/v1/enrollments/${second.enrollment.id}`, { status: 'ended' }, 200);
    const ended = await read(await t.app.request('/d/', { headers: { cookie: second.cookie.pair } }));
    expect(ended.status).toBe(410);
    expect(ended.text).toContain('Your partnership has ended');
    expect((await t.app.request('/d/token', { method: 'POST', headers: { cookie: second.cookie.pair } })).status).toBe(401);
  });

  it('POST /d/<link>/token still works for pages opened before', async () => {
    const { path } = await open();
    expect((await t.app.request(`${path}/token`, { method: 'POST' })).status).toBe(201);
  });
});
