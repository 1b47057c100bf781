import type { ServerConfig } from './config.js';
import type { Database } from './db/index.js';
import { startEmailDelivery, type EmailDelivery } from './email/delivery.js';
import type { AppDeps } from './http/context.js';
import { startIdempotencyKeyExpiry } from './http/idempotency.js';
import type { Poller } from './jobs/poller.js';
import { startAutoApproval, type ApprovalWorker } from './conversions/approval.js';
import type { RunningServer } from './serve.js';
import { startWebhookDelivery } from './webhooks/delivery.js';
import type { WebhookWorker } from './webhooks/worker.js';

/** What the background jobs read: the database, the app's deps and the configuration. */
export interface ServicesRuntime {
  config: Pick<ServerConfig, 'smtpUrl' | 'dataDir' | 'emailFrom' | 'webhookPrivateNetworks' | 'webhookRetentionDays'>;
  db: Database;
  deps: AppDeps;
}

export interface ServicesOptions {
  /**
   * Whether this process runs the jobs that one process of a server runs for all (true by
   * default): `affdash serve --workers N` gives them to one worker, the others pass false.
   */
  jobs?: boolean;
  /** The process's listening API: `stop()` lets its requests in flight finish first. */
  server?: Pick<RunningServer, 'drain'>;
  /** How long `stop()` waits for requests in flight (10 s). */
  drainMs?: number;
}

/** The polling jobs of the one process that runs them, each with its `runOnce()`. */
export interface Jobs {
  /** Member email from the outbox; `description` says where it goes, for the console. */
  email: EmailDelivery;
  /** Webhook deliveries, and the deletion of the delivery log past its retention. */
  webhooks: WebhookWorker;
  /** Conversions whose hold period is over, approved. */
  approval: ApprovalWorker;
  /** Idempotency keys past 24 hours, deleted. */
  idempotencyKeys: Poller<{ now?: Date }, number>;
}

export interface Services {
  /** The jobs this process runs; undefined where `jobs` is false. */
  jobs: Jobs | undefined;
  /**
   * Stops in order: no more requests (those in flight finish), the clicks they left waiting
   * written, then every job stopped after its round in progress. The database stays open.
   */
  stop(): Promise<void>;
}

/**
 * Starts the background work of one API process: the click buffer, which every serving
 * process writes and flushes on `stop()`, and, unless `jobs` is false, the jobs run once for
 * all processes (email and webhook delivery, auto-approval, webhook-log and idempotency-key
 * pruning; several processes could share them through `SKIP LOCKED`, but one suffices).
 * Rate-limit counters need no job: the store deletes ended windows as it counts.
 *
 * @example
 * const running = await serve(runtime.deps, { port, host });
 * const services = startServices(runtime, { server: running });
 * process.once('SIGTERM', async () => {
 *   await services.stop();
 *   await runtime.db.close();
 * });
 */
export function startServices(runtime: ServicesRuntime, options: ServicesOptions = {}): Services {
  const { db, deps } = runtime;
  const jobs: Jobs | undefined =
    options.jobs === false
      ? undefined
      : {
          email: startEmailDelivery(runtime),
          webhooks: startWebhookDelivery(runtime),
          approval: startAutoApproval(db),
          idempotencyKeys: startIdempotencyKeyExpiry(db),
        };
  let stopping: Promise<void> | undefined;
  const stop = async () => {
    await options.server?.drain(options.drainMs ?? 10_000);
    await deps.clicks.flush().catch((error: unknown) => console.error('affdash: writing the clicks waiting failed', error));
    await Promise.all(Object.values(jobs ?? {}).map((job: { stop(): Promise<void> }) => job.stop()));
  };
  return { jobs, stop: () => (stopping ??= stop()) };
}
