import type { Database } from '../db/index.js';
import type { AppDeps } from '../http/context.js';
import { startWebhookWorker, type WebhookDeliveryOptions, type WebhookWorker } from './worker.js';

/**
 * Starts delivering webhooks in this process (`affdash serve`, `demo --serve`, `npm start`),
 * polling every `intervalMs` (2 s). `stop()` ends polling and waits for the round in progress.
 */
export function startWebhookDelivery(
  runtime: { db: Database; deps: Pick<AppDeps, 'keys'> },
  options: WebhookDeliveryOptions & { intervalMs?: number; onError?: (error: unknown) => void } = {},
): WebhookWorker {
  return startWebhookWorker({ db: runtime.db, keys: runtime.deps.keys }, options);
}
