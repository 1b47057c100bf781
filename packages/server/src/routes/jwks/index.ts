import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { publicJwks, type Jwks } from '../../keys/jwks.js';

/**
 * `/.well-known/jwks.json`: the public key that verifies dashboard tokens the server mints
 * (`POST /v1/dashboard-tokens`, the hosted page), for anyone who checks them on their side.
 */
export function jwksRoutes() {
  let cached: Promise<Jwks> | undefined;
  return new Hono<AppEnv>().get('/.well-known/jwks.json', async (c) => {
    cached ??= publicJwks(c.get('deps').keys);
    const jwks = await cached.catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(jwks);
  });
}
