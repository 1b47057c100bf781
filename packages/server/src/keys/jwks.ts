import { exportJWK } from 'jose';
import { z } from 'zod';
import type { ServerKeys } from './server-keys.js';

/** One public signing key as a JWK (RFC 7517): never a private part. */
export const PublicJwk = z.looseObject({
  kty: z.string(),
  kid: z.string(),
  alg: z.string(),
  use: z.literal('sig'),
  crv: z.string().optional(),
  x: z.string().optional(),
  y: z.string().optional(),
  n: z.string().optional(),
  e: z.string().optional(),
});
export type PublicJwk = z.infer<typeof PublicJwk>;

/** A JSON Web Key Set: the keys that verify the dashboard tokens the server signs. */
export const Jwks = z.object({ keys: z.array(PublicJwk) });
export type Jwks = z.infer<typeof Jwks>;

/** Members of a JWK that only a private key has (RFC 7518 §6). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/**
 * The server's token-verification key as a JWKS. Only the server's own EdDSA key is
 * published: brands' HS256 dashboard secrets are symmetric and never leave the server.
 */
export async function publicJwks(keys: Pick<ServerKeys, 'verifyKey' | 'signingKid'>): Promise<Jwks> {
  if (keys.verifyKey.type !== 'public') throw new Error('the JWKS takes a public key only');
  const jwk: Record<string, unknown> = await exportJWK(keys.verifyKey);
  for (const member of PRIVATE_MEMBERS) delete jwk[member];
  return Jwks.parse({ keys: [{ ...jwk, kid: keys.signingKid, alg: 'EdDSA', use: 'sig' }] });
}
