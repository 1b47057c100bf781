import type { Database } from '../db/index.js';
import type { ServerKeys } from '../keys/server-keys.js';
import type { ServerConfig } from '../config.js';
import type { ApiKeys } from '../keys/api-keys.js';
import type { DashboardKeyStore } from '../keys/dashboard-key-store.js';
import type { ChangeFeed } from '../changes/feed.js';
import type { DashboardVersions } from '../changes/dashboard-versions.js';
import type { ClickBuffer } from '../tracking/click-buffer.js';
import type { LinkTargets } from '../tracking/link-targets.js';
import type { VerifiedTokens } from '../keys/verified-tokens.js';
import type { RateLimits } from '../middleware/rate-limit/index.js';
import type { Mailer } from '../email/mailer.js';
import type { LinkContext } from '../enrollments/links.js';
import type { FirstScreenBodies } from '../dashboard/first-screen-bodies.js';

/** What every route can reach: storage, keys and configuration. Built once per process. */
export interface AppDeps {
  db: Database;
  keys: ServerKeys;
  /** Brand API keys this process authenticated, while `changes` is live. */
  apiKeys: ApiKeys;
  dashboardKeys: DashboardKeyStore;
  /** What other processes changed that this one caches (NOTIFY). */
  changes: ChangeFeed;
  /** Dashboard tokens verified by this process, while `changes` is live. */
  verifiedTokens: VerifiedTokens;
  /** The dashboards' versions (ETags) this process knows, kept by `changes`. */
  dashboardVersions: DashboardVersions;
  /** First screens as JSON text, answered again while their version is current. */
  firstScreenBodies: FirstScreenBodies;
  /** What tracking links lead to, kept by `changes`. */
  linkTargets: LinkTargets;
  /** Clicks answered, waiting to be written (flush on shutdown). */
  clicks: ClickBuffer;
  /** `trustProxies`: how many proxies of your own stand in front (`AFFDASH_TRUST_PROXIES`). */
  config: Pick<ServerConfig, 'publicUrl'> & { trustProxies: number };
  /** Turns enrollments into their tracking and dashboard links (the keys and `config.publicUrl`). */
  links: LinkContext;
  /** Sends mail right away (a test send); member email goes through the outbox instead. */
  mail?: { mailer: Mailer; fromAddress: string } | undefined;
  /** Path of the widget's one-file build, served at /widget/affdash-widget.js. */
  widgetFile: string | undefined;
  /** The rate limits, counted in the database. */
  rateLimits: RateLimits;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Set by the API-key middleware. */
    brandId: string;
    /** Set by the API-key middleware: the id of the key, for who-did-what records. */
    apiKeyId: string;
    /** Set by the brand-access middleware when a brand session (not an API key) called. */
    session: import('../brand-sessions/sessions.js').SessionClaims | undefined;
    /** Set by the dashboard-token middleware. */
    dashboard: { brandId: string; enrollmentId: string };
    /** Set by the dashboard-token middleware once the token verifies, also when it grants another enrollment. */
    tokenBrandId: string | undefined;
    /** Set on routes that answer HTML pages (`route()`): their errors are pages too. */
    page: boolean;
  };
}
