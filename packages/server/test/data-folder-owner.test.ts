import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from '@databases/pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../src/index.js';

const { sql } = pg;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A second opening of a data folder (here in the same process; a CLI command in practice)
// reaches the owner through its socket, and the two never see each other's transactions.
describe('the owner of a PGlite data folder', () => {
  let root: string;
  let dir: string;
  const open: Database[] = [];
  const openDir = async () => {
    const db = await openPglite(dir);
    open.push(db);
    return db;
  };

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'affdash-owner-'));
    dir = path.join(root, 'pglite');
  });
  afterEach(async () => {
    for (const db of open.splice(0).reverse()) await db.close();
    await rm(root, { recursive: true, force: true });
  });

  it('records itself, serves a second opener, and keeps each transaction whole', async () => {
    const owner = await openDir();
    expect(JSON.parse(readFileSync(`${dir}.owner`, 'utf8'))).toMatchObject({ pid: process.pid, socketDir: `${dir}.socket` });
    await owner.exec('CREATE TABLE t (id serial PRIMARY KEY, who text NOT NULL)');
    const client = await openDir();

    const ownerWrites = (async () => {
      for (let i = 0; i < 10; i++) {
        await owner.tx(async (db) => {
          await db.query(sql`INSERT INTO t (who) VALUES ('owner')`);
          await pause(2);
          await db.query(sql`INSERT INTO t (who) VALUES ('owner')`);
        });
      }
    })();
    const clientWrites = (async () => {
      for (let i = 0; i < 10; i++) {
        await client
          .tx(async (db) => {
            await db.query(sql`INSERT INTO t (who) VALUES ('client')`);
            await pause(2);
            // every other transaction fails and must take back only its own row
            if (i % 2) throw new Error('changed my mind');
            await db.query(sql`INSERT INTO t (who) VALUES ('client')`);
          })
          .catch((error: Error) => expect(error.message).toBe('changed my mind'));
      }
    })();
    await Promise.all([ownerWrites, clientWrites]);
    const counts = await client.query<{ who: string; n: number }>(
      sql`SELECT who, count(*)::int AS n FROM t GROUP BY who ORDER BY who`,
    );
    expect(counts).toEqual([
      { who: 'client', n: 10 },
      { who: 'owner', n: 20 },
    ]);
  }, 120_000);

  it('gives the folder up on close, and takes over a file left by a process that is gone', async () => {
    const first = await openDir();
    await first.exec('CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)');
    await first.close();
    open.pop();
    expect(existsSync(`${dir}.owner`)).toBe(false);

    writeFileSync(`${dir}.owner`, JSON.stringify({ pid: 2 ** 22 + 12345, command: 'gone', startedAt: '2020-01-01T00:00:00Z' }));
    const next = await openDir();
    expect(JSON.parse(readFileSync(`${dir}.owner`, 'utf8')).pid).toBe(process.pid);
    expect(await next.query(sql`SELECT v FROM kept`)).toEqual([{ v: 7 }]);
  }, 120_000);
});
