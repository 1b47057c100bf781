import { createRequire } from 'node:module';
import type { Database } from './db/index.js';
import type { AppDeps } from './http/context.js';
import { DashboardVersions } from './changes/dashboard-versions.js';
import { FIRST_SCREEN_BODIES_BYTES, FirstScreenBodies } from './dashboard/first-screen-bodies.js';
import { ChangeFeed } from './changes/feed.js';
import { linkContext } from './enrollments/links.js';
import { ApiKeys } from './keys/api-keys.js';
import { DashboardKeyStore } from './keys/dashboard-key-store.js';
import { VerifiedTokens } from './keys/verified-tokens.js';
import { ClickBuffer } from './tracking/click-buffer.js';
import { LinkTargets } from './tracking/link-targets.js';
import { deriveServerKeys } from './keys/server-keys.js';
import { createRateLimits, defaultRateLimits, type RateLimitSettings } from './middleware/rate-limit/index.js';

/** Where the widget's one-file build is, when the widget package is installed and built. */
export function findWidgetFile(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('@affdash/widget/bundle');
  } catch {
    return undefined;
  }
}

/**
 * Everything the app needs, from a database, the server secret and the public URL; rate
 * limits are the defaults unless `rateLimits` changes some (0 turns one off).
 */
export function createDeps(
  db: Database,
  options: {
    secret: string;
    publicUrl: string;
    widgetFile?: string | undefined;
    rateLimits?: Partial<RateLimitSettings> | undefined;
    clickBatchMs?: number | undefined;
    /** JSON text of first screens kept in memory (bytes; 0 builds every answer). */
    firstScreenBodyBytes?: number | undefined;
    mail?: AppDeps['mail'];
  },
): AppDeps {
  const keys = deriveServerKeys(options.secret);
  const changes = new ChangeFeed(db);
  const dashboardKeys = new DashboardKeyStore(db, keys, changes);
  const verifiedTokens = new VerifiedTokens();
  dashboardKeys.onRevoked((kid) => verifiedTokens.forgetKey(kid));
  changes.onReset(() => verifiedTokens.clear());
  const dashboardVersions = new DashboardVersions(changes);
  const clicks = new ClickBuffer(db, {
    ...(options.clickBatchMs ? { windowMs: options.clickBatchMs } : {}),
    // the dashboards whose clicks are written answer from the database until their NOTIFY is back
    onWritten: (enrollments) => {
      for (const [brandId, enrollmentId] of enrollments) dashboardVersions.forget(brandId, enrollmentId);
    },
  });
  const limits = { ...defaultRateLimits, ...options.rateLimits };
  const config = { publicUrl: options.publicUrl.replace(/\/+$/, ''), trustProxies: limits.trustProxies };
  return {
    db,
    keys,
    changes,
    apiKeys: new ApiKeys(db, changes),
    dashboardKeys,
    verifiedTokens,
    dashboardVersions,
    firstScreenBodies: new FirstScreenBodies(options.firstScreenBodyBytes ?? FIRST_SCREEN_BODIES_BYTES),
    linkTargets: new LinkTargets(db, changes),
    clicks,
    config,
    links: linkContext(keys, config),
    widgetFile: options.widgetFile ?? findWidgetFile(),
    rateLimits: createRateLimits(db, limits),
    mail: options.mail,
  };
}
