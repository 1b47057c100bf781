import { createRequire } from 'node:module';
import type { Database } from './db/index.js';
import type { AppDeps } from './http/context.js';
import { DashboardKeyStore } from './keys/dashboard-key-store.js';
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
    mail?: AppDeps['mail'];
  },
): AppDeps {
  const keys = deriveServerKeys(options.secret);
  return {
    db,
    keys,
    dashboardKeys: new DashboardKeyStore(db, keys),
    config: { publicUrl: options.publicUrl.replace(/\/+$/, '') },
    widgetFile: options.widgetFile ?? findWidgetFile(),
    rateLimits: createRateLimits(db, { ...defaultRateLimits, ...options.rateLimits }),
    mail: options.mail,
  };
}
