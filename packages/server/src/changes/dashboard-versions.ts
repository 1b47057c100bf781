import { ChangeKind, type ChangeFeed } from './feed.js';

/** How many enrollments' versions one process keeps. */
export const DASHBOARD_VERSIONS_MAX = 100_000;

/**
 * The latest version of each enrollment's dashboard this process knows of: from every change
 * message (`version <brand> <enrollment> <version>`, sent by the write's own transaction) and
 * from each answer it builds. Versions only go up, so a late message or a read that began
 * before a write never takes one back. Answers only while the change feed is live: `current`
 * is then what the database holds, give or take the milliseconds a NOTIFY takes.
 */
export class DashboardVersions {
  readonly #feed: ChangeFeed;
  readonly #versions = new Map<string, number>();
  readonly #max: number;
  /** Goes up whenever versions are forgotten: a read from before then is not kept. */
  #generation = 0;

  constructor(feed: ChangeFeed, max = DASHBOARD_VERSIONS_MAX) {
    this.#feed = feed;
    this.#max = max;
    feed.on(ChangeKind.version, ([brandId, enrollmentId, version]) => {
      if (brandId && enrollmentId && version) this.#raise(`${brandId} ${enrollmentId}`, Number(version));
    });
    feed.onReset(() => this.forgetAll());
  }

  /** The version a read should stamp before it reads: pass it back to `note`. */
  get generation(): number {
    return this.#generation;
  }

  /** The current version of a dashboard, when this process knows it for sure. */
  current(brandId: string, enrollmentId: string): number | undefined {
    return this.#feed.live ? this.#versions.get(`${brandId} ${enrollmentId}`) : undefined;
  }

  /** Keeps a version read from the database (by a read that began at `generation`). */
  note(brandId: string, enrollmentId: string, version: number, generation: number): void {
    if (!this.#feed.live || generation !== this.#generation) return;
    this.#raise(`${brandId} ${enrollmentId}`, version);
  }

  /** Forgets one dashboard's version: this process wrote to it and its NOTIFY is on the way. */
  forget(brandId: string, enrollmentId: string): void {
    this.#generation++;
    this.#versions.delete(`${brandId} ${enrollmentId}`);
  }

  /** Forgets every version: a write of this process answers before its NOTIFY is back. */
  forgetAll(): void {
    this.#generation++;
    this.#versions.clear();
  }

  #raise(key: string, version: number): void {
    const known = this.#versions.get(key);
    if (known !== undefined && known >= version) return;
    if (known === undefined && this.#versions.size >= this.#max) this.forgetAll();
    this.#versions.set(key, version);
  }
}
