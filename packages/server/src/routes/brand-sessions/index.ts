import { Hono } from 'hono';
import { BrandSessionCreate, PageQuery } from '@affdash/core';
import { recordAudit } from '../../brand-sessions/audit.js';
import { createSession, listSessions, revokeSession, toBrandSession } from '../../brand-sessions/sessions.js';
import type { AppEnv } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { validate } from '../../http/validate.js';
import { keyOnly } from '../../middleware/brand-access/index.js';

/**
 * `/v1/brand-sessions`: short-lived client secrets for the brand-side components, and one-time
 * login links to the hosted console, minted with the API key for a named staff user.
 */
export function brandSessionRoutes() {
  return new Hono<AppEnv>()
    .use(keyOnly())
    .post('/', validate('json', BrandSessionCreate), async (c) => {
      const { db, config } = c.get('deps');
      const brandId = c.get('brandId');
      const input = c.req.valid('json');
      const session = await createSession(db, brandId, c.get('apiKeyId'), config.publicUrl, input);
      await recordAudit(db, brandId, {
        action: input.return === 'login_url' ? 'brand_session.login_link_created' : 'brand_session.created',
        actor: { type: 'api_key', id: c.get('apiKeyId') },
        requestId: c.get('requestId'),
        staff: session.staff,
        details: { sessionId: session.id, components: session.components, offerIds: session.offerIds },
      });
      return c.json(session, 201);
    })
    .get('/', validate('query', PageQuery), async (c) => {
      return c.json(await listSessions(c.get('deps').db, c.get('brandId'), c.req.valid('query')));
    })
    .delete('/:id', async (c) => {
      const { db } = c.get('deps');
      const row = await revokeSession(db, c.get('brandId'), c.req.param('id'));
      if (!row) throw notFound('brand session');
      await recordAudit(db, c.get('brandId'), {
        action: 'brand_session.revoked',
        actor: { type: 'api_key', id: c.get('apiKeyId') },
        requestId: c.get('requestId'),
        staff: { id: row.staff_id, name: row.staff_name, email: row.staff_email },
        details: { sessionId: row.id },
      });
      return c.json(toBrandSession(row));
    });
}
