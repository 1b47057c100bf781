import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';
import type { WebhookEventType } from '@affdash/core';
import type { Database } from '../db/index.js';
import { named } from '../db/statement.js';
import { ApiError } from '../http/errors.js';
import { insertEvents, subscribersCheck, type EventRows } from '../webhooks/written-events.js';
import { applyDelta } from './delta.js';
import { totalsLock } from './lock.js';

const { sql } = pg;

/** Statements tried when the brand's webhook endpoints change under a write, again and again. */
const MAX_ROUNDS = 4;
/** How many brands' and event types' endpoints `seen` keeps. */
const SEEN_MAX = 10_000;

/**
 * The endpoints the last write of each brand and event type found subscribed, in this process:
 * what the next such write is planned with, so that it needs no look-up of its own. Only a
 * guess: the write's statement checks it, and when it is wrong writes nothing and says which
 * they are (the write then runs again for those).
 */
const seen = new Map<string, readonly string[]>();

function remember(key: string, endpointIds: readonly string[]): void {
  if (!seen.has(key) && seen.size >= SEEN_MAX) seen.clear();
  seen.set(key, endpointIds);
}

/**
 * A write that moves money (records sales, changes their status, records a payment), as the
 * pieces of its one statement.
 */
export interface MoneyWrite {
  /**
   * A statement name for the write when it emits no events (the usual case: no endpoint
   * subscribes), so PostgreSQL plans it once per connection: its text must then depend on
   * nothing but this name (lists go as array parameters).
   */
  name?: string;
  brandId: string;
  /** The enrollments whose totals it changes: locked first, in one order (`totalsLock`). */
  enrollmentIds: readonly string[];
  /**
   * Its own CTEs (`name AS (…)`, comma-separated), the first of which writes only where `gate`
   * holds (the locks are taken, the endpoints are those planned); the others follow from it.
   */
  writes(gate: SQLQuery): SQLQuery;
  /** The totals delta of what it wrote, over its CTEs: the `source` of `applyDelta`. */
  delta: SQLQuery;
  /**
   * The webhook events it emits: their type, and the events of what it wrote, over its CTEs
   * (`writtenEvents`), asked for only when some endpoint subscribes.
   */
  events: { type: WebhookEventType; rows: () => EventRows };
  /** A `SELECT` over its CTEs: the answer's rows. */
  answer: SQLQuery;
  /**
   * A `SELECT` of one boolean `yes`: whether what the write was planned from still holds when
   * it runs. When it does not, nothing is written and `writeMoney` throws `PlanStale`.
   */
  check?: SQLQuery;
}

/** What a money write was planned from changed before it ran: nothing was written; plan it again. */
export class PlanStale extends Error {}

/** The statement of `write` for the webhook endpoints `endpointIds`. */
function statement(write: MoneyWrite, endpointIds: readonly string[], rows: EventRows | null): SQLQuery {
  const gate = sql`(SELECT count(*) FROM locked) >= 0 AND (SELECT yes FROM matched) AND (SELECT yes FROM checked)`;
  return sql`
    WITH locked AS MATERIALIZED (${totalsLock(write.brandId, write.enrollmentIds)}),
    checked AS MATERIALIZED (${write.check ?? sql`SELECT true AS yes`}),
    ${subscribersCheck(write.brandId, write.events.type, endpointIds)},
    ${write.writes(gate)},
    ${applyDelta(write.delta)}
    ${rows ? sql`, ${insertEvents(write.brandId, rows, endpointIds)}` : sql``}
    SELECT k.yes AS fresh, m.yes AS matched, s.ids AS endpoint_ids, a.*
    FROM checked AS k CROSS JOIN matched AS m CROSS JOIN subscribed AS s
    LEFT JOIN LATERAL (SELECT true AS answered, x.* FROM (${write.answer}) AS x) AS a ON true`;
}

/**
 * Runs a money write in one statement, so in one round trip and, alone, without a
 * transaction around it: it locks the enrollments' totals, makes the write, adds its delta to
 * the totals and daily rollups, and writes its webhook events with one delivery to each of the
 * brand's endpoints subscribed to them. It is planned with the endpoints the last such write
 * found; should they be others when it runs, it writes nothing and runs again for those. A
 * total past its limit fails it (`total_limit_exceeded`), and nothing is written. Returns the
 * rows of `write.answer`.
 */
export async function writeMoney<T>(db: Database, write: MoneyWrite): Promise<T[]> {
  const key = `${write.brandId} ${write.events.type}`;
  let endpointIds = seen.get(key) ?? [];
  let rows: EventRows | null = null;
  for (let round = 1; ; round++) {
    if (endpointIds.length) rows ??= write.events.rows();
    const events = endpointIds.length ? rows : null;
    const query = statement(write, endpointIds, events);
    const answer = await db.query<{ fresh: boolean; matched: boolean; endpoint_ids: string[]; answered: boolean | null }>(
      write.name && !events ? named(write.name, query) : query,
    );
    if (!answer[0]!.fresh) throw new PlanStale();
    if (answer[0]!.matched) return answer.filter((row) => row.answered) as T[];
    endpointIds = answer[0]!.endpoint_ids;
    remember(key, endpointIds);
    if (round === MAX_ROUNDS) {
      throw new ApiError('conflict', "The brand's webhook endpoints changed during the write; send it again.");
    }
  }
}
