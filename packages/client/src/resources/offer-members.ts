import {
  OfferMember,
  OfferMemberListQuery,
  OfferMembersAdd,
  OfferMembersAddResult,
  Page,
  PageQuery,
} from '@affdash/core';
import type { RequestOptions } from '../http.js';
import type { PagePromise } from '../pagination.js';
import { APIResource, type ListParams } from '../resource.js';
import { path, valid } from '../validate.js';

export type { OfferMember, OfferMembersAdd, OfferMembersAddResult };
export interface OfferMemberListParams extends ListParams {
  /** Part of the name, email or promo code. */
  q?: string;
  status?: 'active' | 'paused' | 'ended';
  neverEmailed?: boolean;
  /** Last emailed before this time (ISO 8601). */
  emailedBefore?: string;
  optedOut?: boolean;
}

const MemberPage = Page(OfferMember);
const ListQuery = PageQuery.extend(OfferMemberListQuery.shape);

const flags = (params: OfferMemberListParams) => ({
  ...params,
  ...(params.neverEmailed !== undefined ? { neverEmailed: String(params.neverEmailed) } : {}),
  ...(params.optedOut !== undefined ? { optedOut: String(params.optedOut) } : {}),
});

/**
 * An offer's members as the brand's admin shows them: code, links and when each was last
 * emailed, with search and filters; and adding people to the offer in one call.
 *
 * @example
 * for await (const m of affdash.offerMembers.list(offer.id, { neverEmailed: true })) console.log(m.email, m.promoCode);
 * await affdash.offerMembers.add(offer.id, { members: [{ name: 'Ana', email: 'ana@example.com' }] });
 */
export class OfferMembers extends APIResource {
  list(offerId: string, params: OfferMemberListParams = {}, options?: RequestOptions): PagePromise<OfferMember> {
    return this._list(
      MemberPage,
      () => {
        const { neverEmailed, optedOut, ...query } = valid(ListQuery, flags(params), 'list parameters');
        // the query string carries the flags as text
        return {
          path: path`v1/offers/${offerId}/members`,
          query: {
            ...query,
            ...(neverEmailed !== undefined ? { neverEmailed: String(neverEmailed) } : {}),
            ...(optedOut !== undefined ? { optedOut: String(optedOut) } : {}),
          },
        };
      },
      options,
    );
  }

  /** Matches each person to a member (external id, else email) or creates them, and enrolls them. */
  async add(offerId: string, params: OfferMembersAdd, options?: RequestOptions): Promise<OfferMembersAddResult> {
    const body = valid(OfferMembersAdd, params, 'members');
    return this._post(path`v1/offers/${offerId}/members`, body, OfferMembersAddResult, options);
  }
}
