import { readFileSync } from 'node:fs';
import { createApp } from '../app.js';
import { createApiKey, ensureBrand } from '../brands.js';
import { migrate, openDatabase } from '../db/index.js';
import { loadConfig } from '../config.js';
import { seedDemo } from '../demo/seed.js';
import { describeStorage, openRuntime } from '../runtime.js';
import { serve } from '../serve.js';
import { startServices } from '../services.js';
import { runBrandCommand, type BrandCommandValues } from './brand-commands.js';
import { commandUsage, isCommand, parseCommand, usage } from './commands.js';
import { describeError, UsageError } from './errors.js';
import { printDemo } from './print.js';
import { isClusterWorker, serveCommand, serveWorker, stopOnSignals } from './serve-command.js';

// a reader that stops early (`affdash deliver | head -1`) ends the output, not the command:
// what it was doing finishes, and no stack trace is printed
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

async function main(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(usage);
    return;
  }
  if (first === '--version' || first === '-v') {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`affdash ${pkg.version}\n`);
    return;
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option "${first}"`);
  if (!isCommand(first)) throw new UsageError(`unknown command "${first}"`);
  const command = first;
  const { values, positionals } = parseCommand(command, rest);
  if (values.help) {
    process.stdout.write(commandUsage(command));
    return;
  }
  switch (command) {
    case 'enroll':
    case 'rotate-link':
    case 'email':
    case 'brand-profile':
    case 'deliver':
      return runBrandCommand(command, positionals, values as BrandCommandValues);
    case 'migrate': {
      const config = await loadConfig();
      const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: `${config.dataDir}/pglite` });
      try {
        const { applied } = await migrate(db);
        console.log(applied.length ? `applied ${applied.join(', ')}` : 'the schema is up to date');
      } finally {
        await db.close();
      }
      return;
    }
    case 'create-brand': {
      const name = values.name;
      if (typeof name !== 'string' || !name.trim()) {
        throw new UsageError('create-brand needs --name', 'affdash create-brand --help');
      }
      const { db } = await openRuntime();
      try {
        const brandId = await ensureBrand(db, { name });
        console.log(`brand ${brandId}\nAPI key (shown once): ${await createApiKey(db, brandId, 'cli')}`);
      } finally {
        await db.close();
      }
      return;
    }
    case 'serve':
      return serveCommand(values.workers as string | undefined);
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
      const running = await serve(deps, { port: config.port, host: config.host }).catch(async (error: unknown) => {
        await db.close();
        throw error;
      });
      const services = startServices(runtime, { server: running });
      console.log(`affdash API on ${config.publicUrl} (listening on ${running.url}), ${describeStorage(config)}`);
      console.log(`member email: ${services.jobs!.email.description}`);
      stopOnSignals(services, db);
      return;
    }
  }
}

(isClusterWorker() ? serveWorker() : main(process.argv.slice(2))).catch((error: unknown) => {
  const { line, status } = describeError(error);
  process.stderr.write(`affdash: ${line}\n`);
  if (process.env.AFFDASH_DEBUG) console.error(error);
  process.exit(status);
});
