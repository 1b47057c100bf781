// `npm start`: the API with the hosted dashboard, on the embedded database with demo data,
// and the example brand site that embeds the dashboard (plain HTML at /, the React app at
// /react/ through Vite's dev middleware, so no build at start). Prints the URLs to open.
import { fileURLToPath } from 'node:url';
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
});

printDemo(config, demo, [
  '',
  `  Example brand page (embeds the widget; its backend mints tokens offline):`,
  `    ${site.url}`,
  `  The same in a React app (examples/react-app, @affdash/widget/react):`,
  `    ${site.url}/react/`,
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
