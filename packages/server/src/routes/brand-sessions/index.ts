import { BrandSession, BrandSessionCreate, BrandSessionWithSecret, PageQuery } from '@affdash/core';
import { recordAudit } from '../../brand-sessions/audit.js';
import { createSession, listSessions, revokeSession, toBrandSession } from '../../brand-sessions/sessions.js';
import { notFound } from '../../http/errors.js';
import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { BrandSessionPage } from '../../openapi/schemas.js';

const sessions = { tag: 'Brand sessions', auth: Auth.apiKey } as const;

const createBrandSession = route({
  ...sessions,
  method: 'post',
  path: '/',
  summary: 'Mint a brand session for staff: a client secret for the components, or a one-time console login link',
  description:
    'Mints, for a named staff user, a short-lived client secret (`affdash_bs_…`) for the brand-side components, ' +
    'or with `return: "login_url"` a one-time link to the hosted console. The secret is shown once (only its ' +
    'hash is kept); the session reaches only its `components` and `offerIds` (other offers read as 404), and ' +
    'its creation is recorded in the audit trail. An unknown offer in `offerIds` is a 404.',
  body: BrandSessionCreate,
  responses: { 201: { description: 'Created', schema: BrandSessionWithSecret } },
  errors: ['not_found'],
});

const listAll = route({
  ...sessions,
  method: 'get',
  path: '/',
  summary: 'List brand sessions',
  description: "The brand's sessions, newest first, with their components, offers, staff user and expiry; never their secrets.",
  query: PageQuery,
  responses: { 200: { description: 'OK', schema: BrandSessionPage } },
});

const revokeBrandSession = route({
  ...sessions,
  method: 'delete',
  path: '/{id}',
  summary: 'Revoke a brand session and every session opened from it',
  description:
    'Revokes the session at once, with every session opened from it (a console sign-in and the client secrets it ' +
    'handed out); the revocation is recorded in the audit trail.',
  responses: { 200: { description: 'OK', schema: BrandSession } },
  errors: ['not_found'],
});

/**
 * `/v1/brand-sessions`: short-lived client secrets for the brand-side components, and one-time
 * login links to the hosted console, minted with the API key for a named staff user.
 */
export function brandSessionRoutes() {
  return router()
    .openapi(createBrandSession, async (c) => {
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
    .openapi(listAll, async (c) => {
      return c.json(await listSessions(c.get('deps').db, c.get('brandId'), c.req.valid('query')), 200);
    })
    .openapi(revokeBrandSession, async (c) => {
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
      return c.json(toBrandSession(row), 200);
    });
}
