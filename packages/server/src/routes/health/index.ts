import pg from '@databases/pg';
import { Hono } from 'hono';
import { pendingMigrations } from '../../db/index.js';
import type { AppEnv } from '../../http/context.js';

const { sql } = pg;

/** `/health` (the process answers) and `/ready` (the database answers and is migrated). */
export function healthRoutes() {
  return new Hono<AppEnv>()
    .get('/health', (c) => c.json({ status: 'ok' }))
    .get('/ready', async (c) => {
      const { db } = c.get('deps');
      try {
        await db.query(sql`SELECT 1`);
        const pending = await pendingMigrations(db);
        if (pending.length > 0) return c.json({ status: 'migrations_pending', pending }, 503);
        return c.json({ status: 'ready' });
      } catch {
        return c.json({ status: 'database_unavailable' }, 503);
      }
    });
}
