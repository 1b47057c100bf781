import { Member, MemberCreate, MemberUpdate, PageQuery } from '@affdash/core';
import { notFound } from '../../http/errors.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { findMember, insertMember, listMembers, toMember, updateMember } from '../../members/queries.js';
import { MemberPage } from '../../openapi/schemas.js';

const brand = { tag: 'Members', auth: Auth.apiKey } as const;

const createMember = route({
  ...brand,
  method: 'post',
  path: '/',
  summary: 'Create a member',
  description:
    "Creates a member: a person who promotes the brand's offers. Their email is written in `locale` " +
    "(BCP 47; the brand's default language when null); `externalId`, the brand's own id for them, is " +
    'unique per brand: a second member with the same one is a 409.',
  body: MemberCreate,
  responses: { 201: { description: 'Created', schema: Member } },
  errors: ['conflict'],
});

const listAll = route({
  ...brand,
  method: 'get',
  path: '/',
  summary: 'List members',
  description: "The brand's members, newest first, a page at a time.",
  query: PageQuery,
  responses: { 200: { description: 'OK', schema: MemberPage } },
});

const retrieveMember = route({
  ...brand,
  method: 'get',
  path: '/{id}',
  summary: 'Retrieve a member',
  description: 'One member, with their language, email opt-out, external id and metadata.',
  responses: { 200: { description: 'OK', schema: Member } },
  errors: ['not_found'],
});

const patchMember = route({
  ...brand,
  method: 'patch',
  path: '/{id}',
  summary: 'Update a member',
  description:
    'Changes the fields given (`null` clears an optional one); an `externalId` another member of the brand has is a 409.',
  body: MemberUpdate,
  responses: { 200: { description: 'OK', schema: Member } },
  errors: ['not_found', 'conflict'],
});

/** `/v1/members`: the brand's affiliates, creators and partners. */
export function memberRoutes() {
  return router()
    .openapi(createMember, async (c) => {
      const member = await insertMember(c.get('deps').db, c.get('brandId'), c.req.valid('json'));
      return c.json(member, 201);
    })
    .openapi(listAll, async (c) => {
      return c.json(await listMembers(c.get('deps').db, c.get('brandId'), c.req.valid('query')), 200);
    })
    .openapi(retrieveMember, async (c) => {
      const row = await findMember(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('member');
      return c.json(toMember(row), 200);
    })
    .openapi(patchMember, async (c) => {
      const member = await updateMember(c.get('deps').db, c.get('brandId'), c.req.param('id'), c.req.valid('json'));
      if (!member) throw notFound('member');
      return c.json(member, 200);
    });
}
