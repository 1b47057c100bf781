import {
  Enrollment,
  EnrollmentBulkCreate,
  EnrollmentBulkResult,
  EnrollmentCreate,
  EnrollmentListQuery,
  EnrollmentUpdate,
  PageQuery,
} from '@affdash/core';
import { bulkEnroll } from '../../enrollments/bulk.js';
import {
  findEnrollment,
  insertEnrollment,
  listEnrollments,
  toEnrollment,
  updateEnrollment,
} from '../../enrollments/queries.js';
import { rotateDashboardLink } from '../../enrollments/rotate.js';
import { notFound } from '../../http/errors.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { findMember } from '../../members/queries.js';
import { findOffer } from '../../offers/queries.js';
import { EnrollmentPage } from '../../openapi/schemas.js';

const brand = { tag: 'Enrollments', auth: Auth.apiKey } as const;

const ListQuery = PageQuery.extend(EnrollmentListQuery.shape);

const createEnrollment = route({
  ...brand,
  method: 'post',
  path: '/',
  summary: 'Enroll a member in an offer (generates promo code, tracking link and dashboard link)',
  description:
    "Enrolls a member in an offer and generates their promo code (from the offer's code prefix, unless " +
    '`promoCode` sets one), tracking link and dashboard link. A member is enrolled in an offer once: a ' +
    'second enrollment, or a chosen code the brand already has, is a 409.',
  body: EnrollmentCreate,
  responses: { 201: { description: 'Created', schema: Enrollment } },
  errors: ['not_found', 'conflict'],
});

const bulkCreate = route({
  ...brand,
  method: 'post',
  path: '/bulk',
  summary: 'Enroll up to 1 000 members in an offer in one transaction',
  description:
    'Enrolls 1 to 1 000 members in one offer in one transaction and answers 200 with one result per member, ' +
    'in order: `created` with its enrollment, or `failed` with its error (`not_found`: no such member; ' +
    '`conflict`: already enrolled, with `details.enrollmentId`, or the chosen code is taken). A failed item ' +
    'never fails the others. Generated codes follow `codePattern` (`{prefix}-{name}-{random}` by default, ' +
    "with the batch's `codePrefix` or the offer's); one that collides is drawn again.",
  body: EnrollmentBulkCreate,
  responses: { 200: { description: 'One result per member, in order', schema: EnrollmentBulkResult } },
  errors: ['not_found'],
});

const rotateLink = route({
  ...brand,
  method: 'post',
  path: '/{id}/rotate-dashboard-link',
  summary: 'Replace the dashboard link (the old one stops working at once)',
  description:
    'Gives the enrollment a new dashboard link and answers the enrollment with its new `dashboardUrl`. The old ' +
    'link stops opening the dashboard at once (it answers a 410 page saying it was replaced, where the member ' +
    'can ask for the current one by email); the promo code and tracking link stay.',
  responses: { 200: { description: 'OK', schema: Enrollment } },
  errors: ['not_found'],
});

const listAll = route({
  ...brand,
  method: 'get',
  path: '/',
  summary: 'List enrollments',
  description: "The brand's enrollments, newest first, a page at a time; `offerId` and `memberId` narrow the list.",
  query: ListQuery,
  responses: { 200: { description: 'OK', schema: EnrollmentPage } },
});

const retrieveEnrollment = route({
  ...brand,
  method: 'get',
  path: '/{id}',
  summary: 'Retrieve an enrollment',
  description: 'One enrollment, with its promo code, tracking link and current dashboard link.',
  responses: { 200: { description: 'OK', schema: Enrollment } },
  errors: ['not_found'],
});

const patchEnrollment = route({
  ...brand,
  method: 'patch',
  path: '/{id}',
  summary: 'Update an enrollment (status, promo code)',
  description:
    'Changes its `status` or its promo code. A paused or ended enrollment\'s tracking link answers 410, and an ' +
    "ended one's dashboard closes; a promo code the brand already has is a 409.",
  body: EnrollmentUpdate,
  responses: { 200: { description: 'OK', schema: Enrollment } },
  errors: ['not_found', 'conflict'],
});

/** `/v1/enrollments`: a member in an offer, with their promo code and links. */
export function enrollmentRoutes() {
  return router()
    .openapi(createEnrollment, async (c) => {
      const { db, links } = c.get('deps');
      const brandId = c.get('brandId');
      const input = c.req.valid('json');
      const [offer, member] = await Promise.all([
        findOffer(db, brandId, input.offerId),
        findMember(db, brandId, input.memberId),
      ]);
      if (!offer) throw notFound('offer');
      if (!member) throw notFound('member');
      const enrollment = await insertEnrollment(db, links, brandId, {
        offerId: offer.id,
        memberId: member.id,
        codePrefix: offer.code_prefix,
        memberName: member.name,
        promoCode: input.promoCode,
      });
      return c.json(enrollment, 201);
    })
    .openapi(bulkCreate, async (c) => {
      const { db, links } = c.get('deps');
      return c.json(await bulkEnroll(db, links, c.get('brandId'), c.req.valid('json')), 200);
    })
    .openapi(rotateLink, async (c) => {
      const { db, links } = c.get('deps');
      const enrollment = await rotateDashboardLink(db, links, c.get('brandId'), c.req.param('id'));
      if (!enrollment) throw notFound('enrollment');
      return c.json(enrollment, 200);
    })
    .openapi(listAll, async (c) => {
      const { db, links } = c.get('deps');
      return c.json(await listEnrollments(db, links, c.get('brandId'), c.req.valid('query')), 200);
    })
    .openapi(retrieveEnrollment, async (c) => {
      const { db, links } = c.get('deps');
      const row = await findEnrollment(db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('enrollment');
      return c.json(toEnrollment(row, links), 200);
    })
    .openapi(patchEnrollment, async (c) => {
      const { db, links } = c.get('deps');
      const enrollment = await updateEnrollment(db, links, c.get('brandId'), c.req.param('id'), c.req.valid('json'));
      if (!enrollment) throw notFound('enrollment');
      return c.json(enrollment, 200);
    });
}
