import type { ServerConfig } from '../config.js';
import type { Database } from '../db/index.js';
import type { AppDeps } from '../http/context.js';
import { startWebhookWorker, type WebhookDeliveryOptions, type WebhookWorker } from './worker.js';

/**
 * Starts delivering webhooks in this process (`affdash serve`, `demo --serve`, `npm start`),
 * polling every `intervalMs` (2 s), to private networks only as `config.webhookPrivateNetworks` says. `stop()` ends polling and waits for the round in progress.
 */
export function startWebhookDelivery(
  runtime: { db: Database; deps: Pick<AppDeps, 'keys'>; config?: Pick<ServerConfig, 'webhookPrivateNetworks'> },
  options: WebhookDeliveryOptions & { intervalMs?: number; onError?: (error: unknown) => void } = {},
): WebhookWorker {
  const allowPrivateNetworks = options.allowPrivateNetworks ?? runtime.config?.webhookPrivateNetworks ?? false;
  return startWebhookWorker({ db: runtime.db, keys: runtime.deps.keys }, { ...options, allowPrivateNetworks });
}
