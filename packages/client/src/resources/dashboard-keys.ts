import { DashboardKey, DashboardKeyWithSecret, Page, PageQuery } from '@affdash/core';
import type { RequestOptions } from '../http.js';
import type { PagePromise } from '../pagination.js';
import { APIResource, type ListParams } from '../resource.js';
import { path, valid } from '../validate.js';

export type { DashboardKey, DashboardKeyWithSecret };
export type DashboardKeyListParams = ListParams;

const DashboardKeyPage = Page(DashboardKey);

/**
 * Dashboard keys: the brand's HS256 secrets for minting dashboard tokens offline. The
 * secret is returned once, by `create`; store it with your other secrets.
 *
 * @example
 * const { id, secret } = await affdash.dashboardKeys.create();
 * const { token } = await mintDashboardToken({ keyId: id, secret, enrollmentId });
 */
export class DashboardKeys extends APIResource {
  /** Create a key. The answer carries the `secret`, shown this once. */
  async create(options?: RequestOptions): Promise<DashboardKeyWithSecret> {
    return this._post('v1/dashboard-keys', {}, DashboardKeyWithSecret, options);
  }

  /** List keys, revoked ones included, newest first. */
  list(params: DashboardKeyListParams = {}, options?: RequestOptions): PagePromise<DashboardKey> {
    return this._list(DashboardKeyPage, () => ({ path: 'v1/dashboard-keys', query: valid(PageQuery, params, 'list parameters') }), options);
  }

  /** Revoke a key: tokens it signed stop working. */
  async revoke(id: string, options?: RequestOptions): Promise<DashboardKey> {
    return this._delete(path`v1/dashboard-keys/${id}`, DashboardKey, options);
  }
}
