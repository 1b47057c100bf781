import { Worker } from 'node:worker_threads';
import { findWrk, wrkLoad } from './wrk.mjs';

/** The load client: wrk when it is on PATH (`BENCH_CLIENT=node` for the Node.js one). */
export const client = process.env.BENCH_CLIENT !== 'node' && findWrk() ? 'wrk' : 'node';

/**
 * Measures requests/s and latency of `GET url` for each target with `concurrency` keep-alive
 * connections: `warmupMs` not counted, then `durationMs` counted, split into `rounds` slices
 * that alternate between the targets. The client is wrk when it is on PATH, else plain
 * `node:http` in a worker thread.
 *
 * @param {{ targets: Array<{ url: string, headers?: Record<string,string>, concurrency: number,
 *   warmupMs: number, durationMs: number, uniqueHeader?: string, expect?: number }>, rounds?: number,
 *   maxRequests?: number }} options `uniqueHeader`: a header (X-Forwarded-For) whose value is
 *   new for each request
 * @returns {Promise<Array<{ requests: number, errors: number, elapsedMs: number, rps: number,
 *   sliceRps: { min: number, max: number }, latencyMs: { p50: number, p90: number, p99: number,
 *   max: number }, statuses: Record<string, number>, meanBodyBytes: number, sampleBody: string }>>}
 */
export function load({ targets, rounds = 5, maxRequests = 500_000 }) {
  if (client === 'wrk') return wrkLoad({ targets, rounds });
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: { targets: targets.map((t) => ({ headers: {}, ...t })), rounds, maxRequests },
  });
  const limitMs = targets.reduce((sum, t) => sum + t.warmupMs + t.durationMs, 0) + 20_000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new Error(`load did not finish within ${limitMs} ms`));
    }, limitMs);
    worker.once('message', (result) => {
      clearTimeout(timer);
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}
