import pg, { type SQLQuery } from '@databases/pg';
import { backoffSeconds } from '../backoff.js';
import type { Database } from '../db/index.js';

const { sql } = pg;

/**
 * The columns every outbox table has (`email_messages`, `webhook_deliveries`): its key,
 * `status` ('queued' until done or 'failed'), `attempts`, `next_attempt_at`, `last_error` and
 * `updated_at`.
 */
export interface OutboxRow {
  brand_id: string;
  id: string;
  attempts: number;
}

/** What one attempt at a row came to. `set` writes the kind's own columns with the outcome. */
export type Attempt =
  | { ok: true; set?: SQLQuery }
  /** `final`: not worth trying again (the recipient is gone), failed at once. */
  | { ok: false; error: string; set?: SQLQuery; final?: boolean };

export interface OutboxOptions {
  /** Rows claimed per round trip. */
  batchSize?: number;
  /** Attempts before a row is marked failed. */
  maxAttempts?: number;
  /** How long a claimed row is held before another worker may try it. */
  leaseSeconds?: number;
  /** First retry delay; doubled after each failure, up to `maxBackoffSeconds`. */
  backoffSeconds?: number;
  maxBackoffSeconds?: number;
  /** Deliver as if it were this time (tests use it to skip a backoff or a lease). */
  now?: Date;
}

/** How many rows of a round were done (`sent`, `delivered`), will be retried, were given up. */
export type OutboxReport<Done extends string> = Record<Done | 'retrying' | 'failed', number>;

/** One kind of outbox: its table, its defaults, and how to deliver one of its rows. */
export interface OutboxKind<Row extends OutboxRow, Item extends OutboxRow, Done extends string> {
  table: string;
  /** The status of a row delivered, and its count in the report. */
  done: Done;
  defaults: Required<Omit<OutboxOptions, 'now'>>;
  /** Whether a batch is delivered all at once (else one row after the other). */
  parallel: boolean;
  /** What delivering the claimed rows needs, read in the claim's transaction. */
  load(db: Database, rows: Row[]): Promise<Item[]>;
  /** Tries one row at `at`; a throw is a failed attempt described by `describeError`. */
  deliver(item: Item, at: string): Promise<Attempt>;
  describeError?: (error: unknown) => string;
}

/**
 * Claims up to `limit` rows due at `at` with `FOR UPDATE SKIP LOCKED` (so workers never take
 * the same one), counts the attempt and leases them for `leaseSeconds`: a worker that dies
 * with them leaves them to be claimed again once the lease is over.
 */
export async function claimDue<Row extends OutboxRow>(
  db: Database,
  table: string,
  { at, limit, leaseSeconds }: { at: string; limit: number; leaseSeconds: number },
): Promise<Row[]> {
  const t = sql.ident(table);
  const rows = await db.query<Row>(sql`
    WITH due AS (
      SELECT brand_id, id FROM ${t}
      WHERE status = 'queued' AND next_attempt_at <= ${at}::timestamptz
      ORDER BY next_attempt_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE ${t} o
    SET attempts = o.attempts + 1,
        next_attempt_at = ${at}::timestamptz + make_interval(secs => ${leaseSeconds}),
        updated_at = now()
    FROM due WHERE o.brand_id = due.brand_id AND o.id = due.id
    RETURNING o.*`);
  return rows.sort((a, b) => a.id.localeCompare(b.id));
}

type Outcome<Done extends string> = Done | 'retrying' | 'failed';

/**
 * Records an attempt: done; or failed (final, or the last attempt); or retried after the
 * shared backoff. A failure leaves alone a row that is no longer queued (its endpoint was
 * deleted, it was cancelled meanwhile).
 */
async function settle<Done extends string>(
  db: Database,
  kind: { table: string; done: Done },
  row: OutboxRow,
  attempt: Attempt,
  at: string,
  options: Required<Omit<OutboxOptions, 'now'>>,
): Promise<Outcome<Done>> {
  const t = sql.ident(kind.table);
  const where = sql`brand_id = ${row.brand_id} AND id = ${row.id}`;
  const set = attempt.set ? sql`${attempt.set},` : sql``;
  if (attempt.ok) {
    await db.query(sql`
      UPDATE ${t} SET status = ${kind.done}, ${set} last_error = NULL, next_attempt_at = NULL, updated_at = now()
      WHERE ${where}`);
    return kind.done;
  }
  if (attempt.final || row.attempts >= options.maxAttempts) {
    await db.query(sql`
      UPDATE ${t} SET status = 'failed', ${set} last_error = ${attempt.error}, next_attempt_at = NULL, updated_at = now()
      WHERE ${where} AND status = 'queued'`);
    return 'failed';
  }
  const delay = backoffSeconds(row.attempts, options.backoffSeconds, options.maxBackoffSeconds);
  await db.query(sql`
    UPDATE ${t} SET ${set} last_error = ${attempt.error}, updated_at = now(),
           next_attempt_at = ${at}::timestamptz + make_interval(secs => ${delay})
    WHERE ${where} AND status = 'queued'`);
  return 'retrying';
}

const errorMessage = (error: unknown) => String((error as Error)?.message ?? error).slice(0, 500);

/**
 * One outbox cycle: claims the rows due now, batch after batch, delivers each and records its
 * outcome, until a batch comes back short. Several processes run it side by side.
 *
 * @example
 * const report = await runOutbox(db, emailOutbox(ctx), { now: later }); // { sent, retrying, failed }
 */
export async function runOutbox<Row extends OutboxRow, Item extends OutboxRow, Done extends string>(
  db: Database,
  kind: OutboxKind<Row, Item, Done>,
  options: OutboxOptions = {},
): Promise<OutboxReport<Done>> {
  const d = kind.defaults;
  const settings = {
    batchSize: options.batchSize ?? d.batchSize,
    maxAttempts: options.maxAttempts ?? d.maxAttempts,
    leaseSeconds: options.leaseSeconds ?? d.leaseSeconds,
    backoffSeconds: options.backoffSeconds ?? d.backoffSeconds,
    maxBackoffSeconds: options.maxBackoffSeconds ?? d.maxBackoffSeconds,
  };
  const describe = kind.describeError ?? errorMessage;
  const report = { [kind.done]: 0, retrying: 0, failed: 0 } as OutboxReport<Done>;
  for (;;) {
    const at = (options.now ?? new Date()).toISOString();
    const claim = { at, limit: settings.batchSize, leaseSeconds: settings.leaseSeconds };
    const { claimed, items } = await db.tx(async (db) => {
      const claimed = await claimDue<Row>(db, kind.table, claim);
      return { claimed: claimed.length, items: claimed.length ? await kind.load(db, claimed) : [] };
    });
    const attempt = async (item: Item) => {
      const result = await kind.deliver(item, at).catch((error: unknown): Attempt => ({ ok: false, error: describe(error) }));
      return settle(db, kind, item, result, at, settings);
    };
    const outcomes: Outcome<Done>[] = [];
    if (kind.parallel) outcomes.push(...(await Promise.all(items.map(attempt))));
    else for (const item of items) outcomes.push(await attempt(item));
    for (const outcome of outcomes) report[outcome]++;
    if (claimed < settings.batchSize) return report;
  }
}
