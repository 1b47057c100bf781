import { readiness } from '../../health/readiness.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { Health, Readiness } from '../../openapi/schemas.js';

const open = { tag: 'Public', auth: Auth.none, method: 'get' } as const;

const liveness = route({
  ...open,
  path: '/health',
  summary: 'Liveness: the process answers',
  description: 'Answers `{ "status": "ok" }` while the process runs, without touching the database.',
  responses: { 200: { description: 'OK', schema: Health } },
});

const ready = route({
  ...open,
  path: '/ready',
  summary: 'Readiness: the database answers and is migrated',
  description:
    'Ready when the database answers and every migration is applied; else a 503 saying what is missing ' +
    '(`migrations_pending` with their names, or `database_unavailable`).',
  responses: {
    200: { description: 'Ready', schema: Readiness },
    503: { description: 'Not ready: migrations pending or database unavailable', schema: Readiness },
  },
});

/** `/health` (the process answers) and `/ready` (the database answers and is migrated). */
export function healthRoutes() {
  return router()
    .openapi(liveness, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(ready, async (c) => {
      const state = await readiness(c.get('deps').db);
      return c.json(state, state.status === 'ready' ? 200 : 503);
    });
}
