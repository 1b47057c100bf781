import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

const require = createRequire(import.meta.url);
const serviceWorker = require.resolve('msw/mockServiceWorker.js');

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['packages/widget/src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['@affdash/source', 'browser', 'development'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'packages/widget/tsconfig.json' })],
  middleware: [
    // msw's worker must be served from the root so it controls the test page.
    async function mockServiceWorker(ctx, next) {
      if (ctx.path !== '/mockServiceWorker.js') return next();
      ctx.type = 'application/javascript';
      ctx.set('Service-Worker-Allowed', '/');
      ctx.body = await readFile(serviceWorker, 'utf8');
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        args: chromiumArgs,
      },
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
  concurrency: 1,
};
