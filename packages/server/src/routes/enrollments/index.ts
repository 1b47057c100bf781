import { Hono } from 'hono';
import {
  EnrollmentBulkCreate,
  EnrollmentCreate,
  EnrollmentListQuery,
  EnrollmentUpdate,
  PageQuery,
} from '@affdash/core';
import { notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { validate } from '../../http/validate.js';
import { keyOnly } from '../../middleware/brand-access/index.js';
import { findMember } from '../members/queries.js';
import { findOffer } from '../offers/queries.js';
import { bulkEnroll } from './bulk.js';
import { rotateDashboardLink } from './rotate.js';
import {
  findEnrollment,
  insertEnrollment,
  listEnrollments,
  toEnrollment,
  updateEnrollment,
  type LinkContext,
} from './queries.js';

function linkContext(c: { get(key: 'deps'): import('../../http/context.js').AppDeps }): LinkContext {
  const { keys, config } = c.get('deps');
  return { keys, publicUrl: config.publicUrl };
}

/** `/v1/enrollments`: a member in an offer, with their promo code and links. */
export function enrollmentRoutes() {
  return new Hono<AppEnv>()
    .use(keyOnly())
    .post('/', validate('json', EnrollmentCreate), async (c) => {
      const { db } = c.get('deps');
      const brandId = c.get('brandId');
      const input = c.req.valid('json');
      const [offer, member] = await Promise.all([
        findOffer(db, brandId, input.offerId),
        findMember(db, brandId, input.memberId),
      ]);
      if (!offer) throw notFound('offer');
      if (!member) throw notFound('member');
      const enrollment = await insertEnrollment(db, linkContext(c), brandId, {
        offerId: offer.id,
        memberId: member.id,
        codePrefix: offer.code_prefix,
        memberName: member.name,
        promoCode: input.promoCode,
      });
      return c.json(enrollment, 201);
    })
    .post('/bulk', validate('json', EnrollmentBulkCreate), async (c) => {
      const result = await bulkEnroll(c.get('deps').db, linkContext(c), c.get('brandId'), c.req.valid('json'));
      return c.json(result, 200);
    })
    .post('/:id/rotate-dashboard-link', async (c) => {
      const enrollment = await rotateDashboardLink(
        c.get('deps').db,
        linkContext(c),
        c.get('brandId'),
        c.req.param('id'),
      );
      if (!enrollment) throw notFound('enrollment');
      return c.json(enrollment);
    })
    .get('/', validate('query', PageQuery.extend(EnrollmentListQuery.shape)), async (c) => {
      const { db } = c.get('deps');
      return c.json(await listEnrollments(db, linkContext(c), c.get('brandId'), c.req.valid('query')));
    })
    .get('/:id', async (c) => {
      const row = await findEnrollment(c.get('deps').db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('enrollment');
      return c.json(toEnrollment(row, linkContext(c)));
    })
    .patch('/:id', validate('json', EnrollmentUpdate), async (c) => {
      const { db } = c.get('deps');
      const enrollment = await updateEnrollment(
        db,
        linkContext(c),
        c.get('brandId'),
        c.req.param('id'),
        c.req.valid('json'),
      );
      if (!enrollment) throw notFound('enrollment');
      return c.json(enrollment);
    });
}
