import type { Page } from '@affdash/core';
import { toErrorDetail, type DashboardErrorDetail } from './api.js';

/**
 * One paginated list (conversions or payments): its rows, the next cursor, and whether a page
 * is loading or failed. A newer load makes the answer of an older one be ignored.
 */
export class PagedList<T> {
  items: T[] = [];
  cursor: string | null = null;
  loading = false;
  error: DashboardErrorDetail | undefined;

  #generation = 0;
  #last: (() => Promise<void>) | undefined;

  readonly #changed: () => void;
  readonly #failed: (error: unknown) => void;

  constructor(changed: () => void, failed: (error: unknown) => void) {
    this.#changed = changed;
    this.#failed = failed;
  }

  /** Starts over from a page already at hand (the one the first screen brought). */
  reset(page: Page<T>): void {
    this.#generation++;
    this.items = page.data;
    this.cursor = page.nextCursor;
    this.loading = false;
    this.error = undefined;
    this.#last = undefined;
  }

  /** Fetches a page; `append` adds it after the rows shown, otherwise it replaces them. */
  load(fetchPage: () => Promise<Page<T>>, append: boolean): Promise<void> {
    const generation = ++this.#generation;
    const run = async () => {
      this.loading = true;
      this.error = undefined;
      if (!append) {
        this.items = [];
        this.cursor = null;
      }
      this.#changed();
      try {
        const page = await fetchPage();
        if (generation !== this.#generation) return;
        this.items = append ? [...this.items, ...page.data] : page.data;
        this.cursor = page.nextCursor;
      } catch (error) {
        if (generation !== this.#generation) return;
        this.error = toErrorDetail(error);
        this.#failed(error);
      }
      this.loading = false;
      this.#changed();
    };
    this.#last = run;
    return run();
  }

  /** Runs the last load again (after an error). */
  retry(): Promise<void> {
    return this.#last?.() ?? Promise.resolve();
  }
}
