import { parseArgs } from 'node:util';
import { createApp } from '../app.js';
import { createApiKey, ensureBrand } from '../brands.js';
import { migrate, openDatabase } from '../db/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { seedDemo } from '../demo/seed.js';
import { startEmailDelivery } from '../email/delivery.js';
import { startAutoApproval } from '../routes/conversions/approval.js';
import { startIdempotencyKeyExpiry } from '../http/idempotency.js';
import { describeStorage, openRuntime } from '../runtime.js';
import { startWebhookDelivery } from '../webhooks/delivery.js';
import { serve } from '../serve.js';
import { brandCommands, brandUsage, runBrandCommand } from './brand-commands.js';
import { printDemo } from './print.js';

const usage = `affdash — affiliate dashboard API

Usage:
  affdash serve                 start the API, email and webhook delivery and auto-approval (PORT, HOST, PUBLIC_URL, DATABASE_URL,
                                AFFDASH_DATA_DIR, AFFDASH_SECRET, SMTP_URL, EMAIL_FROM)
  affdash migrate               apply pending database migrations
  affdash demo [--serve]        seed the demo brand and print its links (and keep serving with --serve)
  affdash create-brand --name N create a brand and print its first API key (shown once)
`;

async function main(argv: string[]): Promise<void> {
  if (brandCommands.has(argv[0] ?? '')) return runBrandCommand(argv);
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, serve: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command] = positionals;
  if (values.help || !command) {
    process.stdout.write(usage + brandUsage);
    return;
  }
  switch (command) {
    case 'migrate': {
      const config = await loadConfig();
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pglite` });
      const { applied } = await migrate(db);
      console.log(applied.length ? `applied ${applied.join(', ')}` : 'the schema is up to date');
      await db.close();
      return;
    }
    case 'create-brand': {
      if (!values.name) throw new UsageError('create-brand needs --name');
      const { db } = await openRuntime();
      const brandId = await ensureBrand(db, { name: values.name });
      console.log(`brand ${brandId}\nAPI key (shown once): ${await createApiKey(db, brandId, 'cli')}`);
      await db.close();
      return;
    }
    case 'serve':
    case 'demo': {
      const runtime = await openRuntime();
      const { config, db, deps } = runtime;
      if (command === 'demo') {
        const demo = await seedDemo(db, deps, createApp(deps));
        printDemo(config, demo);
        if (!values.serve) {
          await db.close();
          return;
        }
      }
      const running = await serve(deps, { port: config.port, host: config.host });
      const delivery = startEmailDelivery(runtime);
      const approval = startAutoApproval(db);
      const keyExpiry = startIdempotencyKeyExpiry(db);
      const webhooks = startWebhookDelivery(runtime);
      console.log(`affdash API on ${config.publicUrl} (listening on ${running.url}), ${describeStorage(config)}`);
      console.log(`member email: ${delivery.description}`);
      const stop = async () => {
        await running.close();
        await delivery.stop();
        await webhooks.stop();
        await approval.stop();
        await keyExpiry.stop();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`affdash: ${error.message}\n\n${usage}`);
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    process.stderr.write(`affdash: ${error.message}\n`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
