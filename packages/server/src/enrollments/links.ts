import { dashboardLinkSecret, type ServerKeys } from '../keys/server-keys.js';

/**
 * What turning an enrollment into its links needs: the server's keys (the dashboard link's
 * secret) and the public URL. Built once with the app's dependencies (`deps.links`).
 */
export interface LinkContext {
  readonly keys: ServerKeys;
  readonly publicUrl: string;
}

/**
 * The link context of a server: its keys, and the public URL as `config` holds it, read at
 * each use, so a server that learns its address once it listens (`createTestServer`) sets
 * `config.publicUrl` alone.
 */
export function linkContext(keys: ServerKeys, config: { readonly publicUrl: string }): LinkContext {
  return {
    keys,
    get publicUrl() {
      return config.publicUrl;
    },
  };
}

/** The member's tracking link: `/t/<slug>`. */
export function trackingUrl(ctx: LinkContext, slug: string): string {
  return `${ctx.publicUrl}/t/${slug}`;
}

/** The enrollment's current dashboard link: `/d/<secret>` (the secret is never stored). */
export function dashboardUrl(
  ctx: LinkContext,
  enrollment: { brand_id: string; id: string; link_version: number },
): string {
  const secret = dashboardLinkSecret(ctx.keys, enrollment.brand_id, enrollment.id, enrollment.link_version);
  return `${ctx.publicUrl}/d/${secret}`;
}
