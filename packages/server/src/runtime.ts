import { loadConfig, type ServerConfig } from './config.js';
import { migrate, openDatabase, type Database } from './db/index.js';
import { createDeps } from './deps.js';
import { mailerFromConfig } from './email/delivery.js';
import type { AppDeps } from './http/context.js';

export interface Runtime {
  config: ServerConfig;
  db: Database;
  deps: AppDeps;
}

/** Configuration from the environment, an open and migrated database, and the app's deps. */
export async function openRuntime(env: NodeJS.ProcessEnv = process.env): Promise<Runtime> {
  const config = await loadConfig(env);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: `${config.dataDir}/pglite`,
  });
  await migrate(db);
  const mail = { mailer: mailerFromConfig(config), fromAddress: config.emailFrom };
  return {
    config,
    db,
    deps: createDeps(db, {
      secret: config.secret,
      publicUrl: config.publicUrl,
      rateLimits: config.rateLimits,
      mail,
      clickBatchMs: config.clickBatchMs,
      firstScreenBodyBytes: config.firstScreenCacheMb * 1024 * 1024,
    }),
  };
}

/** Where the data lives, for people reading the console. */
export function describeStorage(config: ServerConfig): string {
  if (!config.databaseUrl) return `embedded PostgreSQL (PGlite) in ${config.dataDir}/pglite`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}
