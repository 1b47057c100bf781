import { Hono } from 'hono';
import { DashboardTokenCreate } from '@affdash/core';
import { ApiError, notFound } from '../../http/errors.js';
import type { AppEnv } from '../../http/context.js';
import { validate } from '../../http/validate.js';
import { mintServerToken } from '../../keys/dashboard-tokens.js';
import { keyOnly } from '../../middleware/brand-access/index.js';
import { findEnrollment } from '../enrollments/queries.js';

/** `/v1/dashboard-tokens`: a short-lived token for one member's dashboard. */
export function dashboardTokenRoutes() {
  return new Hono<AppEnv>()
    .use(keyOnly())
    .post('/', validate('json', DashboardTokenCreate), async (c) => {
      const { db, keys } = c.get('deps');
      const brandId = c.get('brandId');
      const { enrollmentId, ttlSeconds } = c.req.valid('json');
      const enrollment = await findEnrollment(db, brandId, enrollmentId);
      if (!enrollment) throw notFound('enrollment');
      if (enrollment.status === 'ended') {
        throw new ApiError('enrollment_inactive', 'This enrollment has ended: its dashboard is closed.');
      }
      return c.json(await mintServerToken(keys, { brandId, enrollmentId }, ttlSeconds), 201);
    });
}
