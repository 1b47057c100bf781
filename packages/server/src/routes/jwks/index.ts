import { Auth, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { Jwks, publicJwks } from '../../keys/jwks.js';

const keys = route({
  method: 'get',
  path: '/.well-known/jwks.json',
  tag: 'Public',
  auth: Auth.none,
  summary: 'The public keys that verify dashboard tokens the server signs (JWKS)',
  description:
    'The public key (Ed25519, `alg` `EdDSA`, `use` `sig`, with its `kid`) that verifies the dashboard tokens the ' +
    'API and the hosted page mint, for anyone who checks them on their side; never a brand\'s dashboard-key ' +
    'secret. `Cache-Control: public, max-age=300`, loadable from any origin.',
  responses: { 200: { description: 'OK', schema: Jwks } },
});

/**
 * `/.well-known/jwks.json`: the public key that verifies dashboard tokens the server mints
 * (`POST /v1/dashboard-tokens`, the hosted page), for anyone who checks them on their side.
 */
export function jwksRoutes() {
  let cached: Promise<Jwks> | undefined;
  return router().openapi(keys, async (c) => {
    cached ??= publicJwks(c.get('deps').keys);
    const jwks = await cached.catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(jwks, 200);
  });
}
