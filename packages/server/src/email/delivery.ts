import path from 'node:path';
import type { ServerConfig } from '../config.js';
import type { Database } from '../db/index.js';
import type { AppDeps } from '../http/context.js';
import { fileMailer, smtpMailer, type Mailer } from './mailer.js';
import { startEmailWorker, type DeliveryOptions, type EmailWorker } from './worker.js';

/** The mailer the configuration asks for: SMTP with `SMTP_URL`, else .eml files. */
export function mailerFromConfig(config: Pick<ServerConfig, 'smtpUrl' | 'dataDir'>): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl) : fileMailer(path.join(config.dataDir, 'outbox'));
}

export interface EmailDelivery extends EmailWorker {
  /** Where messages go, for the console. */
  description: string;
}

/**
 * Starts delivering the outbox in this process (`affdash serve`, `demo --serve`, `npm start`).
 * `stop()` ends polling, waits for the round in progress and closes the transport.
 */
export function startEmailDelivery(
  runtime: { config: Pick<ServerConfig, 'smtpUrl' | 'dataDir' | 'emailFrom'>; db: Database; deps: AppDeps },
  options: DeliveryOptions & { intervalMs?: number; mailer?: Mailer } = {},
): EmailDelivery {
  const { config, db, deps } = runtime;
  const mailer = options.mailer ?? deps.mail?.mailer ?? mailerFromConfig(config);
  const worker = startEmailWorker(
    {
      db,
      mailer,
      links: deps.links,
      fromAddress: config.emailFrom,
    },
    options,
  );
  return {
    description: mailer.description,
    runOnce: worker.runOnce,
    async stop() {
      await worker.stop();
      mailer.close();
    },
  };
}
