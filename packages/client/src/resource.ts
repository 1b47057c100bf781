import type { Page } from '@affdash/core';
import type { Http, Query, RequestOptions } from './http.js';
import { PagePromise } from './pagination.js';
import type { Schema } from './validate.js';

/** Parameters every list takes: page size 1–100 (default 20) and the cursor to start at. */
export interface ListParams {
  limit?: number;
  cursor?: string;
}

/** Base of every resource: short, typed helpers over the client's `Http`. */
export abstract class APIResource {
  protected readonly _http: Http;

  constructor(http: Http) {
    this._http = http;
  }

  protected async _get<T>(path: string, schema: Schema<T>, options?: RequestOptions, revalidate?: boolean): Promise<T> {
    return (await this._http.request({ method: 'GET', path, schema, options, revalidate })).data;
  }

  protected async _post<T>(
    path: string,
    body: unknown,
    schema: Schema<T>,
    options?: RequestOptions,
    idempotent = false,
  ): Promise<T> {
    return (await this._http.request({ method: 'POST', path, body, schema, options, idempotent })).data;
  }

  protected async _put<T>(path: string, body: unknown, schema: Schema<T>, options?: RequestOptions): Promise<T> {
    return (await this._http.request({ method: 'PUT', path, body, schema, options })).data;
  }

  protected async _patch<T>(path: string, body: unknown, schema: Schema<T>, options?: RequestOptions): Promise<T> {
    return (await this._http.request({ method: 'PATCH', path, body, schema, options })).data;
  }

  protected async _delete<T>(path: string, schema: Schema<T>, options?: RequestOptions): Promise<T> {
    return (await this._http.request({ method: 'DELETE', path, schema, options })).data;
  }

  /**
   * A lazily fetched, async-iterable list. `target` runs when the first page is requested,
   * so input it validates rejects the awaited promise rather than throwing here.
   */
  protected _list<T>(
    page: Schema<Page<T>>,
    target: () => { path: string; query: Query } | Promise<{ path: string; query: Query }>,
    options?: RequestOptions,
    revalidate?: boolean,
  ): PagePromise<T> {
    let resolved: Promise<{ path: string; query: Query }> | undefined;
    return new PagePromise<T>(async (cursor) => {
      resolved ??= Promise.resolve().then(target);
      const { path, query } = await resolved;
      const request = { method: 'GET' as const, path, schema: page, options, revalidate };
      return (await this._http.request({ ...request, query: { ...query, cursor: cursor ?? query.cursor } })).data;
    });
  }
}
