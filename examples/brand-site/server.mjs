// A brand's own site: a partner portal page that embeds the affdash member dashboard, and a
// backend route that mints the member's dashboard token offline with the brand's dashboard key.
//
// Standalone: AFFDASH_API_URL=… AFFDASH_DASHBOARD_KEY_ID=… AFFDASH_DASHBOARD_KEY_SECRET=…
//             AFFDASH_ENROLLMENT_ID=… PORT=8788 node examples/brand-site/server.mjs
// (it serves the React example's build, examples/react-app/dist, at /react/ when there is one)
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Affdash, mintDashboardToken } from '@affdash/client';
import { renderAdmin } from './admin.mjs';
import { renderPortal } from './page.mjs';
import { serveStatic } from './static.mjs';

/**
 * Starts the brand site. In a real site the signed-in member's session tells which enrollment
 * to mint a token for; here one member is always signed in.
 *
 * `reactApp`, when given, is a connect-style handler `(req, res, next)` for the React example,
 * mounted at `/react/`: Vite's dev middleware, or `serveStatic(dir)` for its build.
 *
 * With `apiKey` and `offerId`, `/admin` is the brand's admin page embedding the offer's members
 * (`<affdash-offer-members>`), its client secret minted by `POST /api/affdash-client-secret`.
 */
export function startBrandSite({ apiUrl, dashboardKey, enrollmentId, memberName, brandName, port = 8788, host = '127.0.0.1', reactApp, apiKey, offerId }) {
  const affdash = apiKey ? new Affdash({ apiKey, baseUrl: apiUrl }) : undefined;
  // in a real admin, the signed-in staff user
  const staff = { id: 'admin-1', name: 'Store admin', email: 'admin@brand.example' };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (reactApp && req.method === 'GET' && (url.pathname === '/react' || url.pathname.startsWith('/react/'))) {
        const notFound = () => {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('Not found');
        };
        if (url.pathname === '/react') {
          res.writeHead(301, { location: '/react/' });
          res.end();
          return;
        }
        await reactApp(req, res, notFound);
        return;
      }
      if (req.method === 'GET' && url.pathname === '/') {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
        });
        res.end(renderPortal({ apiUrl, memberName, brandName }));
        return;
      }
      if (affdash && offerId && req.method === 'GET' && url.pathname === '/admin') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(renderAdmin({ apiUrl, brandName, offerId, staffName: staff.name }));
        return;
      }
      if (affdash && req.method === 'POST' && url.pathname === '/api/affdash-client-secret') {
        // A short-lived secret for the members table and the send drawer, naming the staff user.
        const { clientSecret, expiresAt } = await affdash.brandSessions.create({ components: ['members', 'send'], staff });
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ clientSecret, expiresAt }));
        return;
      }
      if (req.method === 'POST' && url.pathname === '/api/affdash-token') {
        // The brand backend mints the token itself: no call to the affdash API.
        const token = await mintDashboardToken({
          keyId: dashboardKey.id,
          secret: dashboardKey.secret,
          enrollmentId,
          ttlSeconds: 10 * 60,
        });
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        // …and tells the page where the affdash API is.
        res.end(JSON.stringify({ ...token, apiBase: apiUrl }));
        return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    } catch (error) {
      console.error(error);
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Something went wrong');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://localhost:${actual}`,
        close: () => new Promise((done) => { server.close(() => done()); server.closeAllConnections(); }),
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const env = process.env;
  const reactBuild = fileURLToPath(new URL('../react-app/dist/', import.meta.url));
  const site = await startBrandSite({
    apiUrl: env.AFFDASH_API_URL ?? 'http://localhost:8787',
    dashboardKey: { id: env.AFFDASH_DASHBOARD_KEY_ID, secret: env.AFFDASH_DASHBOARD_KEY_SECRET },
    enrollmentId: env.AFFDASH_ENROLLMENT_ID,
    memberName: env.MEMBER_NAME ?? 'Partner',
    brandName: env.BRAND_NAME ?? 'Our brand',
    port: Number(env.PORT ?? 8788),
    reactApp: existsSync(reactBuild) ? serveStatic(reactBuild, { base: '/react/' }) : undefined,
  });
  console.log(`brand site on ${site.url}${existsSync(reactBuild) ? `, the React example on ${site.url}/react/` : ''}`);
}
