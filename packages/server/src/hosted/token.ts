import type { DashboardToken } from '@affdash/core';
import { mintServerToken } from '../keys/dashboard-tokens.js';
import type { ServerKeys } from '../keys/server-keys.js';
import type { LinkTarget } from './target.js';

/** Hosted pages hold a token for 15 minutes and refresh it through `POST /d/token`. */
export const HOSTED_TOKEN_SECONDS = 15 * 60;

/** A dashboard token for a hosted page of `target`'s enrollment. */
export function hostedToken(keys: ServerKeys, target: LinkTarget): Promise<DashboardToken> {
  return mintServerToken(keys, { brandId: target.brand_id, enrollmentId: target.id }, HOSTED_TOKEN_SECONDS);
}
