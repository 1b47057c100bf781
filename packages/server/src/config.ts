import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomSecret } from './keys/random.js';
import { defaultRateLimits, rateLimitEnv, type RateLimitSettings } from './middleware/rate-limit/settings.js';

export interface ServerConfig {
  /** Absolute base URL the API is reached at; links in responses and emails use it. */
  publicUrl: string;
  /** The server's one secret; every other key is derived from it. */
  secret: string;
  /** Where PGlite keeps its data and where local files go. */
  dataDir: string;
  /** PostgreSQL connection string; embedded PGlite when absent. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  /** SMTP server for member email (`SMTP_URL`); without it, .eml files in `<dataDir>/outbox`. */
  smtpUrl: string | undefined;
  /** The sender address of member email (`EMAIL_FROM`); the brand's name is shown with it. */
  emailFrom: string;
  /**
   * Whether webhooks may be delivered to this host and private networks
   * (`AFFDASH_WEBHOOK_PRIVATE_NETWORKS=allow|deny`); allowed by default only when `PUBLIC_URL`
   * is local (a development server), where a brand tests with a receiver on its own machine.
   */
  webhookPrivateNetworks: boolean;
  /**
   * Days an event and its deliveries are kept after the last of them ended
   * (`AFFDASH_WEBHOOK_RETENTION_DAYS`, 1–3650, default 30); queued deliveries are always kept.
   */
  webhookRetentionDays: number;
  /**
   * Longest a tracking click waits in memory before it is written with others
   * (`AFFDASH_CLICK_BATCH_MS`, 1–1000, default 50): what a hard crash can lose.
   */
  clickBatchMs: number;
  /**
   * Megabytes of first screens one process keeps as JSON text, answered again while their
   * enrollment is unchanged (`AFFDASH_FIRST_SCREEN_CACHE_MB`, 0–4096, default 32; 0 builds
   * every answer).
   */
  firstScreenCacheMb: number;
  /** Rate limits (`AFFDASH_RATE_LIMIT_*`, `AFFDASH_TRUST_PROXIES`); see the README. */
  rateLimits: RateLimitSettings;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A setting in the environment that cannot be used: its message says which and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from the environment. Without `AFFDASH_SECRET`, a secret is
 * generated once and kept in the data folder (mode 600), so links survive restarts.
 */
export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<ServerConfig> {
  const port = Number(env.PORT || 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT must be a whole number from 0 to 65535');
  }
  const host = env.HOST ?? '127.0.0.1';
  const dataDir = path.resolve(env.AFFDASH_DATA_DIR ?? '.data');
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!URL.canParse(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an absolute URL, like https://affiliates.example.com`);
  const secret = env.AFFDASH_SECRET ?? (await localSecret(dataDir));
  const smtpUrl = env.SMTP_URL || undefined;
  const emailFrom = env.EMAIL_FROM || `no-reply@${new URL(publicUrl).hostname}`;
  const local = LOCAL_HOSTS.has(new URL(publicUrl).hostname);
  const privateNetworks = env.AFFDASH_WEBHOOK_PRIVATE_NETWORKS;
  if (privateNetworks !== undefined && privateNetworks !== 'allow' && privateNetworks !== 'deny') {
    throw new ConfigError('AFFDASH_WEBHOOK_PRIVATE_NETWORKS must be "allow" or "deny"');
  }
  const webhookPrivateNetworks = privateNetworks ? privateNetworks === 'allow' : local;
  const retention = env.AFFDASH_WEBHOOK_RETENTION_DAYS;
  const webhookRetentionDays = retention === undefined || retention === '' ? 30 : Number(retention);
  if (!Number.isInteger(webhookRetentionDays) || webhookRetentionDays < 1 || webhookRetentionDays > 3650) {
    throw new ConfigError('AFFDASH_WEBHOOK_RETENTION_DAYS must be a whole number of days from 1 to 3650');
  }
  const batch = env.AFFDASH_CLICK_BATCH_MS;
  const clickBatchMs = batch === undefined || batch === '' ? 50 : Number(batch);
  if (!Number.isInteger(clickBatchMs) || clickBatchMs < 1 || clickBatchMs > 1000) {
    throw new ConfigError('AFFDASH_CLICK_BATCH_MS must be a whole number of milliseconds from 1 to 1000');
  }
  const cache = env.AFFDASH_FIRST_SCREEN_CACHE_MB;
  const firstScreenCacheMb = cache === undefined || cache === '' ? 32 : Number(cache);
  if (!Number.isInteger(firstScreenCacheMb) || firstScreenCacheMb < 0 || firstScreenCacheMb > 4096) {
    throw new ConfigError('AFFDASH_FIRST_SCREEN_CACHE_MB must be a whole number of megabytes from 0 to 4096');
  }
  return {
    publicUrl,
    secret,
    clickBatchMs,
    firstScreenCacheMb,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    port,
    host,
    smtpUrl,
    emailFrom,
    webhookPrivateNetworks,
    webhookRetentionDays,
    rateLimits: rateLimitsFrom(env),
  };
}

function rateLimitsFrom(env: NodeJS.ProcessEnv): RateLimitSettings {
  const settings = { ...defaultRateLimits };
  for (const [name, variable] of Object.entries(rateLimitEnv) as [keyof RateLimitSettings, string][]) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    const min = name === 'windowSeconds' ? 1 : 0;
    if (!Number.isInteger(value) || value < min || value > 1e9) {
      const what = { windowSeconds: ' of seconds from 1', trustProxies: ' of proxies' }[name as string] ?? ' (0 turns the limit off)';
      throw new ConfigError(`${variable} must be a whole number${what}`);
    }
    settings[name] = value;
  }
  return settings;
}

async function localSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'server-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    const secret = randomSecret(48);
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(() => {});
    await chmod(file, 0o600).catch(() => {});
    return (await readFile(file, 'utf8')).trim();
  }
}
