import { Hono } from 'hono';
import { MemberCreate, MemberUpdate, PageQuery } from '@affdash/core';
import { notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { validate } from '../../http/validate.js';
import { keyOnly } from '../../middleware/brand-access/index.js';
import { findMember, insertMember, listMembers, toMember, updateMember } from './queries.js';

/** `/v1/members`: the brand's affiliates, creators and partners. */
export function memberRoutes() {
  return new Hono<AppEnv>()
    .use(keyOnly())
    .post('/', validate('json', MemberCreate), async (c) => {
      const member = await insertMember(c.get('deps').db, c.get('brandId'), c.req.valid('json'));
      return c.json(member, 201);
    })
    .get('/', validate('query', PageQuery), async (c) => {
      return c.json(await listMembers(c.get('deps').db, c.get('brandId'), c.req.valid('query')));
    })
    .get('/:id', async (c) => {
      const row = await findMember(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('member');
      return c.json(toMember(row));
    })
    .patch('/:id', validate('json', MemberUpdate), async (c) => {
      const member = await updateMember(
        c.get('deps').db,
        c.get('brandId'),
        c.req.param('id'),
        c.req.valid('json'),
      );
      if (!member) throw notFound('member');
      return c.json(member);
    });
}
