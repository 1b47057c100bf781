import type { Context } from 'hono';

/**
 * The address of the client behind a request: the connection's peer, or, behind
 * `trustedProxies` proxies of your own (`AFFDASH_TRUST_PROXIES`), the address the outermost
 * of them saw, from `X-Forwarded-For`. Entries a client wrote itself (left of those the
 * proxies appended) are never used. `unknown` when the runtime gives no peer address.
 */
export function clientAddress(c: Context, trustedProxies: number): string {
  const peer =
    (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ??
    'unknown';
  if (trustedProxies <= 0) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  // the peer is the last proxy; each proxy appended the address it saw
  const hops = [...forwarded, peer];
  return hops[Math.max(0, hops.length - 1 - trustedProxies)]!;
}
