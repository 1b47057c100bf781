// `npm start`: the API with the hosted dashboard, on the embedded database with demo data,
// and the example brand site that embeds the dashboard (plain HTML at /, the React app at
// /react/ through Vite's dev middleware, so no build at start) in a process of its own, as a
// brand's site is (brand-site/dev.mjs). The API starts first; each URL is printed as soon as it
// answers.
import { execFileSync, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, openRuntime, printDemo, seedDemo, serve, describeStorage, startServices } from '@affdash/server';
import { Affdash } from '@affdash/client';

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
// the brand site's process starts now, and waits for the demo's settings
const site = fork(fileURLToPath(new URL('./brand-site/dev.mjs', import.meta.url)), { stdio: 'inherit' });
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

const showcase = demo.showcase.enrollments[0];
site.send({
  apiUrl: config.publicUrl,
  dashboardKey: demo.dashboardKey,
  enrollmentId: showcase.id,
  memberName: demo.showcase.memberName,
  brandName: 'Glow & Co.',
  port: Number(process.env.BRAND_SITE_PORT ?? 8788),
  host: config.host,
  apiKey: demo.apiKey,
  offerId: showcase.offerId,
});
/** The brand site's next report (`site` or `react`); a brand site that stopped stops this too. */
const siteSays = (what) =>
  new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (!(what in message)) return;
      site.off('message', onMessage);
      site.off('exit', onExit);
      resolve(message[what]);
    };
    const onExit = (code) => reject(new Error(`the example brand site stopped (exit code ${code})`));
    site.on('message', onMessage);
    site.once('exit', onExit);
  });
const siteUrl = await siteSays('site');
console.log(`  Example brand page (embeds the widget; its backend mints tokens offline):\n    ${siteUrl}`);
console.log(`  The brand's admin page (embeds <affdash-offer-members>; its backend mints a brand session):\n    ${siteUrl}/admin`);
// a one-time link to the hosted console, as `affdash console-link` gives
const { loginUrl } = await new Affdash({ apiKey: demo.apiKey, baseUrl: config.publicUrl }).brandSessions.create({
  return: 'login_url',
  staff: { id: 'demo-admin', name: 'Demo admin', email: 'admin@glow.example' },
  expiresIn: 3600,
});
console.log(`  The hosted brand console (a one-time login link, valid for an hour):\n    ${loginUrl}`);
const reactUrl = await siteSays('react');
console.log(`  The same in a React app (examples/react-app, @affdash/widget/react):\n    ${reactUrl}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  const siteStopped = site.exitCode === null ? new Promise((resolve) => site.once('exit', resolve)) : null;
  site.kill('SIGTERM');
  await Promise.allSettled([siteStopped, services.stop()]);
  await db.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
