import { Hono } from 'hono';
import { AuditEventListQuery, PageQuery } from '@affdash/core';
import { listAudit } from '../../brand-sessions/audit.js';
import type { AppEnv } from '../../http/context.js';
import { validate } from '../../http/validate.js';
import { keyOnly } from '../../middleware/brand-access/index.js';

/** `/v1/audit-events`: what brand sessions did, with their staff user, newest first. */
export function auditEventRoutes() {
  return new Hono<AppEnv>()
    .use(keyOnly())
    .get('/', validate('query', PageQuery.extend(AuditEventListQuery.shape)), async (c) => {
      return c.json(await listAudit(c.get('deps').db, c.get('brandId'), c.req.valid('query')));
    });
}
