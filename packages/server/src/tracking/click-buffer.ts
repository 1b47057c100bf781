import type { Database } from '../db/index.js';
import { writeClicks, type Click } from './clicks.js';

export interface ClickBufferOptions {
  /** Longest a click waits in memory before it is written (ms). */
  windowMs?: number;
  /** A batch this big is written at once. */
  maxClicks?: number;
  /** Told when a write fails (the clicks stay for the next try). */
  onError?: (error: unknown) => void;
  /** Told of the enrollments (brand id, enrollment id) whose clicks a batch has written. */
  onWritten?: (enrollments: Array<[string, string]>) => void;
}

const RETRY_MS = 1_000;

/**
 * Clicks the redirect has answered, on their way to the database: written in batches, at
 * most `windowMs` (50 ms) after the first of them or as soon as `maxClicks` (500) wait, and
 * on demand (`flush`, which shutdown calls). A hard crash loses at most the clicks of one
 * window. A click id already waiting is not queued twice.
 */
export class ClickBuffer {
  readonly #db: Database;
  readonly #windowMs: number;
  readonly #maxClicks: number;
  readonly #onError: (error: unknown) => void;
  readonly #onWritten: (enrollments: Array<[string, string]>) => void;
  #pending = new Map<string, Click>();
  /** How many waiting clicks each enrollment has: its dashboard flushes them before it reads. */
  #perEnrollment = new Map<string, number>();
  /** Batches being written: their clicks are not in the database yet either. */
  readonly #writingNow = new Set<{ clicks: Map<string, Click>; perEnrollment: Map<string, number> }>();
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(db: Database, options: ClickBufferOptions = {}) {
    this.#db = db;
    this.#windowMs = options.windowMs ?? 50;
    this.#maxClicks = options.maxClicks ?? 500;
    this.#onError = options.onError ?? ((error) => console.error('affdash: writing clicks failed, retrying', error));
    this.#onWritten = options.onWritten ?? (() => {});
  }

  /** Clicks waiting to be written. */
  get size(): number {
    return this.#pending.size;
  }

  add(click: Click): void {
    if (!this.#queue(click)) return;
    if (this.#pending.size >= this.#maxClicks) void this.flush().catch(() => {});
    else this.#schedule(this.#windowMs);
  }

  #queue(click: Click): boolean {
    if (this.#pending.has(click.id)) return false;
    this.#pending.set(click.id, click);
    const key = `${click.brandId} ${click.enrollmentId}`;
    this.#perEnrollment.set(key, (this.#perEnrollment.get(key) ?? 0) + 1);
    return true;
  }

  /** Whether a click id is waiting here or being written (a conversion naming it flushes first). */
  has(clickId: string): boolean {
    if (this.#pending.has(clickId)) return true;
    for (const batch of this.#writingNow) if (batch.clicks.has(clickId)) return true;
    return false;
  }

  /** Writes the clicks waiting now if any of `clickIds` is among them (before attributing). */
  async flushIfWaiting(clickIds: Iterable<string | undefined>): Promise<void> {
    for (const id of clickIds) if (id !== undefined && this.has(id)) return this.flush();
  }

  /** Whether an enrollment has clicks waiting here. */
  pendingFor(brandId: string, enrollmentId: string): boolean {
    const key = `${brandId} ${enrollmentId}`;
    if (this.#perEnrollment.has(key)) return true;
    for (const batch of this.#writingNow) if (batch.perEnrollment.has(key)) return true;
    return false;
  }

  /** Writes every click waiting now; resolves once they are in the database. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const taken = { clicks: this.#pending, perEnrollment: this.#perEnrollment };
    const batch = [...taken.clicks.values()];
    this.#pending = new Map();
    this.#perEnrollment = new Map();
    if (batch.length) this.#writingNow.add(taken);
    const write = this.#writing.then(async () => {
      if (!batch.length) return;
      try {
        await writeClicks(this.#db, batch);
        this.#writingNow.delete(taken);
        this.#onWritten([...taken.perEnrollment.keys()].map((key) => key.split(' ') as [string, string]));
      } catch (error) {
        this.#writingNow.delete(taken);
        for (const click of batch) this.#queue(click);
        clearTimeout(this.#timer);
        this.#timer = undefined;
        this.#schedule(RETRY_MS);
        this.#onError(error);
        throw error;
      }
    });
    this.#writing = write.catch(() => {});
    return write;
  }

  #schedule(ms: number): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush().catch(() => {});
    }, ms);
    this.#timer.unref();
  }
}
