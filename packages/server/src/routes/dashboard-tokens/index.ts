import { DashboardToken, DashboardTokenCreate } from '@affdash/core';
import { brandProfile } from '../../brand-profile/index.js';
import { findEnrollment } from '../../enrollments/queries.js';
import { ApiError, notFound } from '../../http/errors.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { mintServerToken } from '../../keys/dashboard-tokens.js';

const mintToken = route({
  method: 'post',
  path: '/',
  tag: 'Dashboard tokens',
  summary: "Mint a short-lived token for one member's dashboard",
  description:
    "Mints a dashboard token (`token`, `expiresAt`) that reads one enrollment's dashboard and nothing else, for " +
    '`ttlSeconds` (60 s to 24 h; 1 h by default). An ended enrollment gets none (`enrollment_inactive`) unless the brand ' +
    "profile's `endedEnrollmentAccess` is `read_only`: then its token reads history and payments only.",
  auth: Auth.apiKey,
  body: DashboardTokenCreate,
  responses: { 201: { description: 'Created', schema: DashboardToken } },
  errors: ['not_found', 'enrollment_inactive'],
});

/**
 * `/v1/dashboard-tokens`: a short-lived token for one member's dashboard (for an ended
 * enrollment only when the brand keeps ended enrollments readable).
 */
export function dashboardTokenRoutes() {
  return router().openapi(mintToken, async (c) => {
    const { db, keys } = c.get('deps');
    const brandId = c.get('brandId');
    const { enrollmentId, ttlSeconds } = c.req.valid('json');
    const enrollment = await findEnrollment(db, brandId, enrollmentId);
    if (!enrollment) throw notFound('enrollment');
    if (enrollment.status === 'ended' && (await brandProfile(db, brandId)).endedEnrollmentAccess !== 'read_only') {
      throw new ApiError('enrollment_inactive', 'This enrollment has ended: its dashboard is closed.');
    }
    return c.json(await mintServerToken(keys, { brandId, enrollmentId }, ttlSeconds), 201);
  });
}
