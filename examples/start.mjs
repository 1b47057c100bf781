// `npm start`: the API with the hosted dashboard, on the embedded database with demo data,
// and the example brand site that embeds the dashboard (plain HTML at /, the React app at
// /react/ through Vite's dev middleware, so no build at start). The API starts first; each
// URL is printed as soon as it answers.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, openRuntime, printDemo, seedDemo, serve, describeStorage, startServices } from '@affdash/server';
import { Affdash } from '@affdash/client';
import { startBrandSite } from './brand-site/server.mjs';

/** Resolves once `url` answers (any status), so what is printed can be opened. */
async function answering(url) {
  for (;;) {
    if (await fetch(url, { redirect: 'manual' }).then(() => true, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// A new data folder is created and seeded by a process of its own: creating the embedded
// database takes memory this one would keep for as long as it runs.
if (!process.env.DATABASE_URL && !existsSync(resolve(process.env.AFFDASH_DATA_DIR ?? '.data', 'pglite'))) {
  console.log('  creating the demo data (first start)…');
  execFileSync(process.execPath, [fileURLToPath(new URL('../packages/server/bin/affdash.js', import.meta.url)), 'demo'], { stdio: 'ignore' });
}
const runtime = await openRuntime();
const { config, db, deps } = runtime;
const demo = await seedDemo(db, deps, createApp(deps));
const api = await serve(deps, { port: config.port, host: config.host });
// email and webhook delivery, auto-approval and pruning; stop() drains the API and writes the clicks
const services = startServices(runtime, { server: api });
await answering(`${api.url}/health`);
printDemo(config, demo);
console.log(`  Email to members goes to ${services.jobs.email.description}.`);
console.log(`  API ${config.publicUrl} on ${describeStorage(config)}. Ctrl-C stops.\n`);

// The React example's dev middleware loads Vite, the slowest part: the brand site answers
// before it, and /react/ waits for it.
let reactMiddleware;
const reactReady = import('vite').then(async ({ createServer }) => {
  const vite = await createServer({
    root: fileURLToPath(new URL('./react-app/', import.meta.url)),
    server: { middlewareMode: true, hmr: false },
    logLevel: 'warn',
  });
  reactMiddleware = vite;
  return vite.middlewares;
});
const showcase = demo.showcase.enrollments[0];
const site = await startBrandSite({
  apiUrl: config.publicUrl,
  dashboardKey: demo.dashboardKey,
  enrollmentId: showcase.id,
  memberName: demo.showcase.memberName,
  brandName: 'Glow & Co.',
  port: Number(process.env.BRAND_SITE_PORT ?? 8788),
  host: config.host,
  reactApp: async (req, res, next) => (await reactReady)(req, res, next),
  apiKey: demo.apiKey,
  offerId: showcase.offerId,
});
await answering(site.url);
console.log(`  Example brand page (embeds the widget; its backend mints tokens offline):\n    ${site.url}`);
console.log(`  The brand's admin page (embeds <affdash-offer-members>; its backend mints a brand session):\n    ${site.url}/admin`);
// a one-time link to the hosted console, as `affdash console-link` gives
const { loginUrl } = await new Affdash({ apiKey: demo.apiKey, baseUrl: config.publicUrl }).brandSessions.create({
  return: 'login_url',
  staff: { id: 'demo-admin', name: 'Demo admin', email: 'admin@glow.example' },
  expiresIn: 3600,
});
console.log(`  The hosted brand console (a one-time login link, valid for an hour):\n    ${loginUrl}`);
await reactReady;
await answering(`${site.url}/react/`);
console.log(`  The same in a React app (examples/react-app, @affdash/widget/react):\n    ${site.url}/react/\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([site.close(), reactMiddleware?.close(), services.stop()]);
  await db.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
