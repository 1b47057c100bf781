import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { backends, useDatabase, type Backend } from './backends.js';

const { sql } = pg;

// PGlite has one session: two of its transactions never wait on each other
const postgres = backends().filter((b) => b.name === 'postgres');

describe('deadlocks', () => {
  if (!postgres.length) it.skip('on PostgreSQL only (set DATABASE_URL)', () => {});
  for (const backend of postgres) deadlockVictims(backend);
});

function deadlockVictims(backend: Backend) {
  const holder = useDatabase(backend);

  it(`a transaction chosen as a deadlock victim on ${backend.name} runs again, so both writers finish`, async () => {
    const db = holder.db;
    await db.exec('CREATE TABLE deadlock_pair (id int PRIMARY KEY, n int NOT NULL); INSERT INTO deadlock_pair VALUES (1, 0), (2, 0)');
    let attempts = 0;
    // each locks one row, waits until the other has locked its row, then asks for the other's
    const arrived = { a: false, b: false };
    const both = () =>
      new Promise<void>((resolve) => {
        const wait = () => (arrived.a && arrived.b ? resolve() : setTimeout(wait, 5));
        wait();
      });
    const writer = (self: 'a' | 'b', first: number, second: number) =>
      db.tx(async (tx) => {
        attempts++;
        await tx.query(sql`UPDATE deadlock_pair SET n = n + 1 WHERE id = ${first}`);
        arrived[self] = true;
        await both();
        await tx.query(sql`UPDATE deadlock_pair SET n = n + 1 WHERE id = ${second}`);
      });
    await Promise.all([writer('a', 1, 2), writer('b', 2, 1)]);
    expect(attempts).toBe(3); // the victim ran twice
    const rows = await db.query<{ id: number; n: number }>(sql`SELECT id, n FROM deadlock_pair ORDER BY id`);
    expect(rows).toEqual([{ id: 1, n: 2 }, { id: 2, n: 2 }]);
  });
}
