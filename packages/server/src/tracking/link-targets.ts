import pg from '@databases/pg';
import type { OfferUtm } from '@affdash/core';
import { ChangeKind, type ChangeFeed } from '../changes/feed.js';
import type { Database } from '../db/index.js';

const { sql } = pg;

/** Where a tracking link leads, ready to answer: the destination with its UTM parameters. */
export interface LinkTarget {
  brand_id: string;
  id: string;
  status: string;
  offer_status: string;
  /** The offer's destination as stored. */
  destination_url: string;
  /** The destination URL with the offer's UTM parameters, without a click id. */
  destination: string;
}

const TARGETS_MAX = 50_000;

function destinationOf(url: string, utm: OfferUtm | null): string {
  const destination = new URL(url);
  for (const [key, value] of Object.entries(utm ?? {})) {
    if (value) destination.searchParams.set(`utm_${key}`, value);
  }
  destination.searchParams.delete('affdash_click');
  return destination.toString();
}

/** The destination with a click id, as the redirect sends it. */
export function withClickId(destination: string, clickId: string): string {
  const hash = destination.indexOf('#');
  const [base, fragment] = hash < 0 ? [destination, ''] : [destination.slice(0, hash), destination.slice(hash)];
  return `${base}${base.includes('?') ? '&' : '?'}affdash_click=${encodeURIComponent(clickId)}${fragment}`;
}

/**
 * What each tracking link leads to, cached per process while the change feed is live: a
 * change to the enrollment (status, slug) or its offer (status, destination, UTM) is
 * announced by the write's own transaction (`link <slug>`, `link *`) and forgets it here.
 * Unknown slugs are not kept (a new enrollment is not announced).
 */
export class LinkTargets {
  readonly #db: Database;
  readonly #feed: ChangeFeed;
  readonly #targets = new Map<string, LinkTarget>();
  #generation = 0;

  constructor(db: Database, feed: ChangeFeed) {
    this.#db = db;
    this.#feed = feed;
    feed.on(ChangeKind.link, ([slug]) => {
      this.#generation++;
      if (slug === '*') this.#targets.clear();
      else if (slug) this.#targets.delete(slug);
    });
    feed.onReset(() => this.forgetAll());
  }

  /** Forgets every link (a write of this process answers before its NOTIFY is back). */
  forgetAll(): void {
    this.#generation++;
    this.#targets.clear();
  }

  async get(slug: string): Promise<LinkTarget | null> {
    const live = this.#feed.live;
    const cached = live ? this.#targets.get(slug) : undefined;
    if (cached) return cached;
    const generation = this.#generation;
    const [row] = await this.#db.query<{
      brand_id: string;
      id: string;
      status: string;
      offer_status: string;
      destination_url: string;
      utm: OfferUtm | null;
    }>(sql`
      SELECT e.brand_id, e.id, e.status, o.status AS offer_status, o.destination_url, o.utm
      FROM enrollments e JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id
      WHERE e.tracking_slug = ${slug}`);
    if (!row) return null;
    const target: LinkTarget = {
      brand_id: row.brand_id,
      id: row.id,
      status: row.status,
      offer_status: row.offer_status,
      destination_url: row.destination_url,
      destination: destinationOf(row.destination_url, row.utm),
    };
    if (live && generation === this.#generation) {
      if (this.#targets.size >= TARGETS_MAX) this.#targets.clear();
      this.#targets.set(slug, target);
    }
    return target;
  }
}
