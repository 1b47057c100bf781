import { DashboardToken, DashboardTokenCreate } from '@affdash/core';
import type { RequestOptions } from '../http.js';
import { APIResource } from '../resource.js';
import { valid } from '../validate.js';

export type { DashboardToken, DashboardTokenCreate };

/**
 * Dashboard tokens minted by the API: a short-lived JWT that reads one enrollment's
 * dashboard. To mint without a network round trip, see `mintDashboardToken`.
 *
 * @example
 * const { token, expiresAt } = await affdash.dashboardTokens.create({ enrollmentId, ttlSeconds: 900 });
 */
export class DashboardTokens extends APIResource {
  /** Mint a token for one enrollment; `ttlSeconds` 60 to 86 400, default one hour. */
  async create(params: DashboardTokenCreate, options?: RequestOptions): Promise<DashboardToken> {
    return this._post('v1/dashboard-tokens', valid(DashboardTokenCreate, params, 'dashboard token'), DashboardToken, options, true);
  }
}
