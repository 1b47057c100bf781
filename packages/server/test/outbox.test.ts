import pg from '@databases/pg';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimDue, runOutbox, type Attempt, type Database, type OutboxKind, type OutboxRow } from '../src/index.js';
import { backends, useDatabase } from './backends.js';

const { sql } = pg;

/** A row of the test's own outbox table, shaped as every outbox table is. */
interface Row extends OutboxRow {
  status: 'queued' | 'delivered' | 'failed';
  next_attempt_at: Date | null;
  last_error: string | null;
  answer: string | null;
  delivered_at: Date | null;
}

const T = new Date('2030-01-01T00:00:00.000Z');
const at = (seconds: number) => new Date(T.getTime() + seconds * 1_000);

/** An outbox kind over `test_outbox` whose delivery is `deliver`. */
function testKind(
  deliver: (row: Row, at: string) => Promise<Attempt>,
  overrides: Partial<OutboxKind<Row, Row, 'delivered'>> = {},
): OutboxKind<Row, Row, 'delivered'> {
  return {
    table: 'test_outbox',
    done: 'delivered',
    defaults: { batchSize: 10, maxAttempts: 3, leaseSeconds: 60, backoffSeconds: 10, maxBackoffSeconds: 25 },
    parallel: false,
    load: async (_db, rows) => rows,
    deliver,
    ...overrides,
  };
}

const answered = (row: Row): Promise<Attempt> => Promise.resolve({ ok: true, set: sql`delivered_at = now(), answer = ${`ok ${row.id}`}` });
const refused = (): Promise<Attempt> => Promise.resolve({ ok: false, error: 'the receiver said no' });

describe.each(backends())('the outbox cycle on $name', (backend) => {
  const t = useDatabase(backend);
  const rows = async (): Promise<Row[]> => t.db.query<Row>(sql`SELECT * FROM test_outbox ORDER BY id`);
  const row = async (id: string): Promise<Row> => (await rows()).find((r) => r.id === id)!;
  async function queue(count: number, dueAt: Date = T, prefix = 'r'): Promise<string[]> {
    const ids = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      await t.db.query(sql`INSERT INTO test_outbox (brand_id, id, next_attempt_at) VALUES ('b', ${id}, ${dueAt})`);
    }
    return ids;
  }

  beforeAll(async () => {
    await t.db.query(sql`
      CREATE TABLE test_outbox (
        brand_id text NOT NULL, id text NOT NULL,
        status text NOT NULL DEFAULT 'queued', attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz, last_error text, answer text, delivered_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (brand_id, id))`);
  });
  beforeEach(async () => {
    await t.db.query(sql`DELETE FROM test_outbox`);
  });

  it('delivers what is due batch after batch, once each, with the kind’s columns, and leaves the rest', async () => {
    const due = await queue(5);
    await queue(1, at(3600), 'later');
    const tried: string[] = [];
    const kind = testKind((r) => (tried.push(r.id), answered(r)));

    expect(await runOutbox(t.db, kind, { batchSize: 2, now: T })).toEqual({ delivered: 5, retrying: 0, failed: 0 });
    expect(tried).toEqual(due);
    for (const r of (await rows()).filter((r) => r.id.startsWith('r'))) {
      expect(r).toMatchObject({ status: 'delivered', attempts: 1, next_attempt_at: null, last_error: null, answer: `ok ${r.id}` });
      expect(r.delivered_at).toBeInstanceOf(Date);
    }
    expect(await row('later000')).toMatchObject({ status: 'queued', attempts: 0, next_attempt_at: at(3600) });
    expect(await runOutbox(t.db, kind, { now: T })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(tried).toHaveLength(5);
  });

  it('leases what it claims: nobody claims it again until the lease is over, then it is tried again', async () => {
    const [id] = await queue(1);
    // a worker claims the row and dies before it settles it
    const [claimed] = await claimDue<Row>(t.db, 'test_outbox', { at: T.toISOString(), limit: 10, leaseSeconds: 60 });
    expect(claimed).toMatchObject({ id, attempts: 1, status: 'queued', next_attempt_at: at(60) });

    const tried: number[] = [];
    const kind = testKind((r) => (tried.push(r.attempts), answered(r)));
    expect(await runOutbox(t.db, kind, { now: at(59) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(await claimDue(t.db, 'test_outbox', { at: at(59).toISOString(), limit: 10, leaseSeconds: 60 })).toEqual([]);
    expect(tried).toEqual([]);

    expect(await runOutbox(t.db, kind, { now: at(60) })).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(tried).toEqual([2]);
    expect(await row(id!)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('two workers at once never take one row: what one is delivering the other leaves', async () => {
    const ids = await queue(30);
    const other = backend.again(t.db);
    try {
      const taken: Record<'a' | 'b', string[]> = { a: [], b: [] };
      let firstOfB!: () => void;
      const bStarted = new Promise<void>((resolve) => (firstOfB = resolve));
      let aClaimed!: () => void;
      const aStarted = new Promise<void>((resolve) => (aClaimed = resolve));
      // a holds its first batch until b has delivered something: b must take other rows
      const a = runOutbox(
        t.db,
        testKind(async (r) => {
          taken.a.push(r.id);
          aClaimed();
          await bStarted;
          return answered(r);
        }),
        { batchSize: 4, now: T },
      );
      await aStarted;
      const b = runOutbox(
        other,
        testKind(async (r) => {
          taken.b.push(r.id);
          firstOfB();
          return answered(r);
        }, { parallel: true }),
        { batchSize: 3, now: T },
      );
      const [ra, rb] = await Promise.all([a, b]);
      expect(ra.delivered + rb.delivered).toBe(30);
      expect(taken.a.length).toBeGreaterThan(0);
      expect(taken.b.length).toBeGreaterThan(0);
      expect([...taken.a, ...taken.b].sort()).toEqual(ids);
      expect((await rows()).map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ['delivered', 1]));
    } finally {
      if (other !== t.db) await other.close();
    }
  });

  it.runIf(backend.name === 'postgres')('skips the rows another transaction is claiming instead of waiting for them', async () => {
    const ids = await queue(6);
    const other = backend.again(t.db);
    try {
      const claim = (db: Database) => claimDue<Row>(db, 'test_outbox', { at: T.toISOString(), limit: 3, leaseSeconds: 60 });
      const [first, second] = await t.db.tx(async (tx) => {
        const first = await claim(tx);
        // the first claim's transaction is still open: its rows are locked, not yet leased
        const second = await claim(other);
        return [first, second];
      });
      expect([...first, ...second].map((r) => r.id).sort()).toEqual(ids);
    } finally {
      await other.close();
    }
  });

  it('backs off each failure with the shared backoff, up to its cap, and gives up after the last attempt', async () => {
    const [id] = await queue(1);
    const kind = testKind(refused);
    const options = { maxAttempts: 4, backoffSeconds: 10, maxBackoffSeconds: 25 };
    const nextIn = async (from: Date) => ((await row(id!)).next_attempt_at!.getTime() - from.getTime()) / 1_000;

    expect(await runOutbox(t.db, kind, { ...options, now: T })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(await row(id!)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'the receiver said no' });
    const first = await nextIn(T); // 10 s ± 20 %
    expect(first).toBeGreaterThanOrEqual(8);
    expect(first).toBeLessThanOrEqual(12);
    // not due before its backoff is over
    expect(await runOutbox(t.db, kind, { ...options, now: at(7.9) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });

    expect(await runOutbox(t.db, kind, { ...options, now: at(12) })).toMatchObject({ retrying: 1 });
    const second = await nextIn(at(12)); // 20 s ± 20 %
    expect(second).toBeGreaterThanOrEqual(16);
    expect(second).toBeLessThanOrEqual(24);

    expect(await runOutbox(t.db, kind, { ...options, now: at(40) })).toMatchObject({ retrying: 1 });
    const third = await nextIn(at(40)); // 40 s, capped at 25 s ± 20 %
    expect(third).toBeGreaterThanOrEqual(20);
    expect(third).toBeLessThanOrEqual(30);

    expect(await runOutbox(t.db, kind, { ...options, now: at(80) })).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    expect(await row(id!)).toMatchObject({ status: 'failed', attempts: 4, next_attempt_at: null, last_error: 'the receiver said no' });
    expect(await runOutbox(t.db, kind, { ...options, now: at(10_000) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });

  it('takes its defaults from the kind: the last attempt is the kind’s maxAttempts', async () => {
    const [id] = await queue(1);
    const kind = testKind(refused); // maxAttempts 3
    for (const [n, outcome] of [[1, 'retrying'], [2, 'retrying'], [3, 'failed']] as const) {
      expect(await runOutbox(t.db, kind, { now: at(n * 1_000) }), `attempt ${n}`).toMatchObject({ [outcome]: 1 });
    }
    expect(await row(id!)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('fails a final refusal at once, retries a throw with its description, and leaves a row no longer queued', async () => {
    const [gone, broken, cancelled] = await queue(3);
    const kind = testKind(
      async (r) => {
        if (r.id === gone) return { ok: false, final: true, error: 'not sent: the recipient is gone', set: sql`answer = 'none'` };
        if (r.id === cancelled) {
          // someone else settles the row while its delivery is in flight
          await t.db.query(sql`UPDATE test_outbox SET status = 'failed', last_error = 'cancelled' WHERE id = ${r.id}`);
          return { ok: false, error: 'too late' };
        }
        throw Object.assign(new Error('connection reset'), { code: 'ECONNRESET' });
      },
      { describeError: (e) => `${(e as NodeJS.ErrnoException).code}: ${(e as Error).message}` },
    );
    expect(await runOutbox(t.db, kind, { now: T })).toEqual({ delivered: 0, retrying: 2, failed: 1 });
    expect(await row(gone!)).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: null, answer: 'none', last_error: 'not sent: the recipient is gone' });
    expect(await row(broken!)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'ECONNRESET: connection reset' });
    expect(await row(cancelled!)).toMatchObject({ status: 'failed', last_error: 'cancelled' });
  });

  it('delivers a batch at once when the kind is parallel, else one row after the other', async () => {
    const most = async (parallel: boolean) => {
      await t.db.query(sql`DELETE FROM test_outbox`);
      await queue(5);
      let now = 0;
      let peak = 0;
      const kind = testKind(
        async (r) => {
          peak = Math.max(peak, ++now);
          await new Promise((resolve) => setTimeout(resolve, 10));
          now--;
          return answered(r);
        },
        { parallel },
      );
      expect(await runOutbox(t.db, kind, { batchSize: 5, now: T })).toMatchObject({ delivered: 5 });
      return peak;
    };
    expect(await most(true)).toBe(5);
    expect(await most(false)).toBe(1);
  });
});
