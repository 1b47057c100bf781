import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from '../config.js';
import { describeStorage, openRuntime } from '../runtime.js';
import { serve } from '../serve.js';
import { startServices } from '../services.js';

/** Set in the one worker that runs the background jobs (`startServices`' `jobs`). */
const JOBS_ENV = 'AFFDASH_WORKER_JOBS';

/**
 * How many processes `affdash serve` runs: `--workers N`, by default one per core. The
 * embedded PGlite has one owner (its data folder), so without `DATABASE_URL` it is one.
 */
export function workerCount(requested: string | undefined, databaseUrl: string | undefined): { count: number; note?: string } {
  const wanted = requested === undefined ? undefined : Number(requested);
  if (wanted !== undefined && (!Number.isInteger(wanted) || wanted < 1)) {
    throw new ConfigError(`--workers must be a whole number from 1, not "${requested}"`);
  }
  if (!databaseUrl) {
    return wanted !== undefined && wanted > 1
      ? { count: 1, note: `--workers ${wanted} needs DATABASE_URL (the embedded PGlite has one owner): serving with 1 process` }
      : { count: 1 };
  }
  return { count: wanted ?? availableParallelism() };
}

/**
 * `affdash serve`: the API, and the background jobs in exactly one process. With more than
 * one worker the primary forks them (`node:cluster`, one port shared), restarts one that dies
 * (the jobs go to its replacement), and on SIGTERM/SIGINT tells each to stop: stop taking
 * requests, let those in flight finish, write the clicks waiting, stop the jobs.
 */
export async function serveCommand(workers: string | undefined): Promise<void> {
  const config = await loadConfig(); // first, so workers share the secret it may generate
  const { count, note } = workerCount(workers, config.databaseUrl);
  if (note) console.warn(`affdash: ${note}`);
  if (count === 1) {
    await serveProcess({ jobs: true, announce: true });
    return;
  }
  console.log(`affdash: ${count} worker processes, ${describeStorage(config)}`);
  let jobsWorker: number | undefined;
  let stopping = false;
  const fork = (jobs: boolean) => {
    const worker = cluster.fork({ [JOBS_ENV]: jobs ? '1' : '' });
    if (jobs) jobsWorker = worker.id;
    return worker;
  };
  for (let i = 0; i < count; i++) fork(i === 0);
  // A worker that dies before it ever listened (a port in use, a bad setting) would die again:
  // the error it printed stands, and the whole server stops with its status.
  const listened = new Set<number>();
  let status = 0;
  cluster.on('listening', (worker) => listened.add(worker.id));
  cluster.on('exit', (worker, code) => {
    if (!stopping && !listened.has(worker.id)) {
      status = code || 1;
      stop();
    }
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(status);
      return;
    }
    console.error(`affdash: worker ${worker.process.pid} exited (${code}); starting another`);
    fork(worker.id === jobsWorker);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A worker of `serveCommand` (forked by its primary). */
export async function serveWorker(): Promise<void> {
  await serveProcess({ jobs: process.env[JOBS_ENV] === '1', announce: process.env[JOBS_ENV] === '1' });
}

export function isClusterWorker(): boolean {
  return cluster.isWorker;
}

async function serveProcess(options: { jobs: boolean; announce: boolean }): Promise<void> {
  const runtime = await openRuntime();
  const { config, db, deps } = runtime;
  const running = await serve(deps, { port: config.port, host: config.host });
  const services = startServices(runtime, { jobs: options.jobs, server: running });
  if (options.announce) {
    console.log(`affdash API on ${config.publicUrl} (listening on ${running.url}), ${describeStorage(config)}`);
    if (services.jobs) console.log(`member email: ${services.jobs.email.description}`);
  }
  stopOnSignals(services, db);
}

/** On SIGINT or SIGTERM (once): drain and stop the services, close the database, exit 0. */
export function stopOnSignals(services: { stop(): Promise<void> }, db: { close(): Promise<void> }): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await services.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
