import { openDatabase, migrate, type Database } from './db/index.js';
import { createApiKey, ensureBrand } from './brands.js';
import { createDeps } from './deps.js';
import type { Mailer } from './email/mailer.js';
import { randomSecret } from './keys/random.js';
import { serve } from './serve.js';

export interface TestServer {
  /** Base URL of the running API, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** An API key of the one brand the server starts with. */
  apiKey: string;
  brandId: string;
  db: Database;
  close(): Promise<void>;
}

/**
 * A real API server on 127.0.0.1 with a fresh embedded database (or `databaseUrl`) and one
 * brand, for tests of code that talks to affdash over HTTP.
 */
export async function createTestServer(
  options: { databaseUrl?: string; brandName?: string; mailer?: Mailer } = {},
): Promise<TestServer> {
  const db = await openDatabase({ databaseUrl: options.databaseUrl });
  await migrate(db);
  const brandId = await ensureBrand(db, { name: options.brandName ?? 'Test Brand' });
  const apiKey = await createApiKey(db, brandId, 'test');
  let url = '';
  const mail = options.mailer ? { mailer: options.mailer, fromAddress: 'no-reply@affdash.test' } : undefined;
  const deps = createDeps(db, { secret: randomSecret(48), publicUrl: 'http://placeholder', mail });
  const running = await serve(deps, { port: 0, host: '127.0.0.1' });
  url = running.url;
  deps.config.publicUrl = url;
  return {
    url,
    apiKey,
    brandId,
    db,
    async close() {
      await running.close();
      await db.close();
    },
  };
}
