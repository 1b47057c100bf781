// The example brand site as `npm start` runs it: a process of its own, as a brand's site is
// (its memory, Vite's included, is not the API's, and a crash of one leaves the other up), with
// the React example served through Vite's dev middleware, so no build at start.
//
// Started by examples/start.mjs with `fork`: it receives the demo's settings as its first
// message, and reports `{ site: url }` once the site answers and `{ react: url }` once the
// React example does. It stops on SIGINT or SIGTERM, and when the process that started it is gone.
import { fileURLToPath } from 'node:url';
import { startBrandSite } from './server.mjs';

/** Resolves once `url` answers (any status). */
async function answering(url) {
  for (;;) {
    if (await fetch(url, { redirect: 'manual' }).then(() => true, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

// Vite loads slowest: it starts loading at once, the site answers before it, and /react/ waits for it
let vite;
const reactReady = import('vite').then(async ({ createServer }) => {
  vite = await createServer({
    root: fileURLToPath(new URL('../react-app/', import.meta.url)),
    server: { middlewareMode: true, hmr: false },
    logLevel: 'warn',
  });
  return vite.middlewares;
});
const settings = await new Promise((resolve) => process.once('message', resolve));

const site = await startBrandSite({
  ...settings,
  reactApp: async (req, res, next) => (await reactReady)(req, res, next),
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([site.close(), vite?.close()]);
  process.exit(0);
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
process.once('disconnect', stop);

await answering(site.url);
process.send?.({ site: site.url });
await reactReady;
await answering(`${site.url}/react/`);
process.send?.({ react: `${site.url}/react/` });
