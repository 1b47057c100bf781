import { Member, MemberCreate, MemberUpdate, Page, PageQuery } from '@affdash/core';
import type { RequestOptions } from '../http.js';
import type { PagePromise } from '../pagination.js';
import { APIResource, type ListParams } from '../resource.js';
import { path, valid } from '../validate.js';

export type { Member, MemberCreate, MemberUpdate };
export type MemberListParams = ListParams;

const MemberPage = Page(Member);

/**
 * Members: the affiliates and creators a brand works with. A member joins offers through
 * enrollments.
 *
 * @example
 * const member = await affdash.members.create({ name: 'Ada', email: 'ada@example.com', externalId: 'u_42' });
 */
export class Members extends APIResource {
  /** Create a member. `externalId` (the brand's own id) is unique per brand when set. */
  async create(params: MemberCreate, options?: RequestOptions): Promise<Member> {
    return this._post('v1/members', valid(MemberCreate, params, 'member'), Member, options);
  }

  /** Retrieve a member by id. */
  async retrieve(id: string, options?: RequestOptions): Promise<Member> {
    return this._get(path`v1/members/${id}`, Member, options);
  }

  /** Update some fields of a member. */
  async update(id: string, params: MemberUpdate, options?: RequestOptions): Promise<Member> {
    return this._patch(path`v1/members/${id}`, valid(MemberUpdate, params, 'member update'), Member, options);
  }

  /** List members, newest first. Await for one page, or `for await` over every member. */
  list(params: MemberListParams = {}, options?: RequestOptions): PagePromise<Member> {
    return this._list(MemberPage, () => ({ path: 'v1/members', query: valid(PageQuery, params, 'list parameters') }), options);
  }
}
