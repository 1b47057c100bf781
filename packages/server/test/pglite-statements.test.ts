import pg from '@databases/pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../src/db/index.js';
import { named } from '../src/db/statement.js';

const { sql } = pg;

describe('named statements on PGlite', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite();
  });
  afterAll(() => db.close());

  const prepared = async () =>
    (await db.query<{ name: string }>(sql`SELECT name FROM pg_prepared_statements ORDER BY name`)).map((r) => r.name);
  const sum = (a: number, b: string) => named('sum test', sql`SELECT ${a}::int + length(${b}::text) AS n, ${b}::text AS b`);

  it('are prepared once in the session, then executed with their values', async () => {
    expect(await db.query(sum(1, 'abc'))).toEqual([{ n: 4, b: 'abc' }]);
    expect(await db.query(sum(2, "it's \\ 'quoted'"))).toEqual([{ n: 17, b: "it's \\ 'quoted'" }]);
    const names = await prepared();
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^affdash_sum_test_[0-9a-f]{12}$/);
  });

  it('are prepared again when the session lost them; a transaction that lost one fails, and the next use prepares it', async () => {
    await db.exec('DEALLOCATE ALL');
    expect(await db.query(sum(3, 'x'))).toEqual([{ n: 4, b: 'x' }]);
    await db.exec('DEALLOCATE ALL');
    await expect(db.tx((tx) => tx.query(sum(4, 'yy')))).rejects.toThrow(/does not exist/);
    expect(await db.tx((tx) => tx.query(sum(4, 'yy')))).toEqual([{ n: 6, b: 'yy' }]);
    expect(await prepared()).toHaveLength(1);
  });

  it('take dates and arrays, quoted as the driver sends them', async () => {
    const at = new Date('2026-11-30T12:34:56.789Z');
    const texts = ['a', 'b c', "it's", 'back\\slash', 'quote"d', null, ''];
    const [row] = await db.query<{ t: Date; texts: (string | null)[]; n: number[]; none: number[] }>(
      named('values test', sql`SELECT ${at}::timestamptz AS t, ${texts}::text[] AS texts, ${[1, 2, 9_007_199_254_740_991]}::bigint[] AS n, ${[]}::int[] AS none`),
    );
    expect(row!.t.toISOString()).toBe(at.toISOString());
    expect(row!.texts).toEqual(texts);
    expect(row!.n.map(Number)).toEqual([1, 2, 9_007_199_254_740_991]);
    expect(row!.none).toEqual([]);
  });

  it('refuse a value they cannot write as a literal', async () => {
    await expect(db.query(named('odd', sql`SELECT ${Number.NaN}::float AS t`))).rejects.toThrow(/text, finite numbers/);
    await expect(db.query(named('odd', sql`SELECT ${{ a: 1 }}::jsonb AS t`))).rejects.toThrow(/not object/);
  });
});
