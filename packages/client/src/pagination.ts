import type { Page } from '@affdash/core';
import { InvalidResponseError } from './errors.js';

/** Fetch the page that starts at `cursor` (the first page when undefined). */
export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

/**
 * The result of a `list()` call: await it for the first page (`{ data, nextCursor }`), or
 * iterate it with `for await` for every item across all pages, fetched as needed.
 * Nothing is requested until it is awaited or iterated.
 *
 * @example
 * const { data, nextCursor } = await affdash.offers.list({ limit: 50 });
 *
 * for await (const offer of affdash.offers.list()) {
 *   console.log(offer.name);
 * }
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #fetchPage: PageFetcher<T>;
  readonly #cursor: string | undefined;
  #first: Promise<Page<T>> | undefined;

  constructor(fetchPage: PageFetcher<T>, cursor?: string) {
    this.#fetchPage = fetchPage;
    this.#cursor = cursor;
  }

  #firstPage(): Promise<Page<T>> {
    this.#first ??= this.#fetchPage(this.#cursor);
    return this.#first;
  }

  then<R1 = Page<T>, R2 = never>(
    onfulfilled?: ((page: Page<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R> {
    return this.#firstPage().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<T>> {
    return this.#firstPage().finally(onfinally);
  }

  /** Every page in turn, starting with the first. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let page = await this.#firstPage();
    yield page;
    const seen = new Set<string>();
    while (page.nextCursor !== null) {
      if (seen.has(page.nextCursor)) {
        throw new InvalidResponseError({
          code: 'invalid_response',
          message: `The API repeated the cursor ${page.nextCursor}; stopping to avoid an endless loop`,
        });
      }
      seen.add(page.nextCursor);
      page = await this.#fetchPage(page.nextCursor);
      yield page;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }
}
