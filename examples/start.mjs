// `npm start`: the API with the hosted dashboard, on the embedded database with demo data,
// and the example brand site that embeds the dashboard (plain HTML at /, the React app at
// /react/ through Vite's dev middleware, so no build at start). Prints the URLs to open.
import { fileURLToPath } from 'node:url';
import { Affdash } from '@affdash/client';
import { createServer as createVite } from 'vite';
import { createApp, openRuntime, printDemo, seedDemo, serve, describeStorage, startEmailDelivery, startAutoApproval, startWebhookDelivery } from '@affdash/server';
import { startBrandSite } from './brand-site/server.mjs';

const runtime = await openRuntime();
const { config, db, deps } = runtime;
const demo = await seedDemo(db, deps, createApp(deps));
const api = await serve(deps, { port: config.port, host: config.host });
const delivery = startEmailDelivery(runtime);
const approval = startAutoApproval(db);
const webhooks = startWebhookDelivery(runtime);
const showcase = demo.showcase.enrollments[0];
const reactApp = await createVite({
  root: fileURLToPath(new URL('./react-app/', import.meta.url)),
  server: { middlewareMode: true, hmr: false },
  logLevel: 'warn',
});
const site = await startBrandSite({
  apiUrl: config.publicUrl,
  dashboardKey: demo.dashboardKey,
  enrollmentId: showcase.id,
  memberName: demo.showcase.memberName,
  brandName: 'Glow & Co.',
  port: Number(process.env.BRAND_SITE_PORT ?? 8788),
  host: config.host,
  reactApp: reactApp.middlewares,
  apiKey: demo.apiKey,
  offerId: showcase.offerId,
});
// a one-time link to the hosted console, as `affdash console-link` gives
const { loginUrl } = await new Affdash({ apiKey: demo.apiKey, baseUrl: config.publicUrl }).brandSessions.create({
  return: 'login_url',
  staff: { id: 'demo-admin', name: 'Demo admin', email: 'admin@glow.example' },
  expiresIn: 3600,
});

printDemo(config, demo, [
  '',
  `  Example brand page (embeds the widget; its backend mints tokens offline):`,
  `    ${site.url}`,
  `  The same in a React app (examples/react-app, @affdash/widget/react):`,
  `    ${site.url}/react/`,
  `  The brand's admin page (embeds <affdash-offer-members>; its backend mints a brand session):`,
  `    ${site.url}/admin`,
  `  The hosted brand console (a one-time login link, valid for an hour):`,
  `    ${loginUrl}`,
]);
console.log(`  Email to members goes to ${delivery.description}.`);
console.log(`  API ${config.publicUrl} on ${describeStorage(config)}. Ctrl-C stops.\n`);

const stop = async () => {
  await Promise.allSettled([site.close(), api.close(), reactApp.close()]);
  await delivery.stop();
  await approval.stop();
  await webhooks.stop();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
