import { AuditEventListQuery, PageQuery } from '@affdash/core';
import { listAudit } from '../../brand-sessions/audit.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { AuditEventPage } from '../../openapi/schemas.js';

const ListQuery = PageQuery.extend(AuditEventListQuery.shape);

const listAll = route({
  method: 'get',
  path: '/',
  tag: 'Brand sessions',
  summary: 'What brand sessions did, with their staff user, newest first',
  description:
    'The audit trail, newest first: every write a brand session made (its route as `action`, with path, status ' +
    "and request id) with the session's staff user, and the sessions' creation, console sign-in and sign-out, " +
    'and revocation. `sessionId` and `staffId` narrow it.',
  auth: Auth.apiKey,
  query: ListQuery,
  responses: { 200: { description: 'OK', schema: AuditEventPage } },
});

/** `/v1/audit-events`: what brand sessions did, with their staff user, newest first. */
export function auditEventRoutes() {
  return router().openapi(listAll, async (c) => {
    return c.json(await listAudit(c.get('deps').db, c.get('brandId'), c.req.valid('query')), 200);
  });
}
