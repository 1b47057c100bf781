import type { ServerConfig } from '../config.js';
import type { Database } from '../db/index.js';
import type { AppDeps } from '../http/context.js';
import { startPoller } from '../jobs/poller.js';
import { pruneWebhookLog } from './retention.js';
import { startWebhookWorker, type WebhookDeliveryOptions, type WebhookWorker } from './worker.js';

const DAY_MS = 86_400_000;
/** How often this process deletes what the retention period has passed. */
const PRUNE_INTERVAL_MS = 3_600_000;

/**
 * Starts delivering webhooks in this process (`affdash serve`, `demo --serve`, `npm start`),
 * polling every `intervalMs` (2 s), to private networks only as `config.webhookPrivateNetworks`
 * says; and, every hour, deletes events whose deliveries all ended more than
 * `config.webhookRetentionDays` (30) ago. `stop()` ends both and waits for the rounds in
 * progress.
 */
export function startWebhookDelivery(
  runtime: {
    db: Database;
    deps: Pick<AppDeps, 'keys'>;
    config?: Partial<Pick<ServerConfig, 'webhookPrivateNetworks' | 'webhookRetentionDays'>>;
  },
  options: WebhookDeliveryOptions & { intervalMs?: number; onError?: (error: unknown) => void } = {},
): WebhookWorker {
  const allowPrivateNetworks = options.allowPrivateNetworks ?? runtime.config?.webhookPrivateNetworks ?? false;
  const worker = startWebhookWorker({ db: runtime.db, keys: runtime.deps.keys }, { ...options, allowPrivateNetworks });
  const retentionMs = (runtime.config?.webhookRetentionDays ?? 30) * DAY_MS;
  const pruner = startPoller(() => pruneWebhookLog(runtime.db, { before: new Date(Date.now() - retentionMs) }), {
    intervalMs: PRUNE_INTERVAL_MS,
    onError: options.onError ?? ((e) => console.error('[webhooks] pruning:', e)),
  });
  return {
    runOnce: worker.runOnce,
    async stop() {
      await Promise.all([worker.stop(), pruner.stop()]);
    },
  };
}
