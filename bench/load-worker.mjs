// Load generator, run in a worker thread so that it does not share the server's event loop.
// For each target, a fixed number of keep-alive connections each send one GET after another
// (closed loop). Every target is warmed up first; then the targets are measured in alternating
// slices (round 1: A, B, …; round 2: A, B, …), so that a burst of load from elsewhere on the
// machine falls on all of them alike instead of on whichever ran at the time.
// Bounded in time and in request count.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { targets, rounds, maxRequests } = workerData;

function loopback(url) {
  const u = new URL(url);
  if (u.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) {
    throw new Error(`loopback http only, not ${url}`);
  }
  return u;
}

const state = targets.map((t) => {
  const u = loopback(t.url);
  return {
    ...t,
    options: {
      host: u.hostname.replace(/^\[|\]$/g, ''),
      port: u.port,
      path: u.pathname + u.search,
      method: 'GET',
      headers: t.headers,
      agent: new http.Agent({ keepAlive: true, maxSockets: t.concurrency, maxFreeSockets: t.concurrency }),
    },
    latencies: new Float64Array(maxRequests),
    recorded: 0,
    sent: 0,
    errors: 0,
    bytes: 0,
    elapsedMs: 0,
    sliceRps: [],
    statuses: new Map(),
    sampleBody: '',
  };
});

function once(options) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.request(options, (res) => {
      let size = 0;
      const chunks = [];
      res.on('data', (c) => {
        size += c.length;
        if (chunks.length < 1) chunks.push(c);
      });
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        resolve({ ok: true, status: res.statusCode ?? 0, ms, size, head: chunks[0] });
      });
      res.on('error', () => resolve({ ok: false }));
    });
    req.on('error', () => resolve({ ok: false }));
    req.end();
  });
}

/** A different client address per request (198.18.0.0/15, for benchmarks): a new visitor each time. */
const visitor = (n) => `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;

async function phase(t, ms, measure) {
  const end = performance.now() + ms;
  let count = 0;
  const loop = async () => {
    while (performance.now() < end && t.sent < maxRequests) {
      t.sent++;
      const r = await once(t.uniqueHeader ? { ...t.options, headers: { ...t.options.headers, [t.uniqueHeader]: visitor(t.sent) } } : t.options);
      if (!measure) continue;
      if (!r.ok) {
        t.errors++;
        continue;
      }
      count++;
      t.latencies[t.recorded++] = r.ms;
      t.statuses.set(r.status, (t.statuses.get(r.status) ?? 0) + 1);
      t.bytes += r.size;
      if (!t.sampleBody && r.head) t.sampleBody = r.head.toString('utf8', 0, Math.min(r.head.length, 300));
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: t.concurrency }, loop));
  const elapsed = performance.now() - started;
  if (measure) {
    t.elapsedMs += elapsed;
    t.sliceRps.push(count / (elapsed / 1000));
  }
}

for (const t of state) await phase(t, t.warmupMs, false);
for (let round = 0; round < rounds; round++) {
  for (const t of state) await phase(t, t.durationMs / rounds, true);
}

parentPort.postMessage(
  state.map((t) => {
    t.options.agent.destroy();
    const n = t.recorded;
    const sorted = t.latencies.subarray(0, n).sort();
    const pct = (p) => (n ? sorted[Math.min(n - 1, Math.ceil((p / 100) * n) - 1)] : NaN);
    return {
      requests: n,
      errors: t.errors,
      elapsedMs: t.elapsedMs,
      rps: n / (t.elapsedMs / 1000),
      sliceRps: { min: Math.min(...t.sliceRps), max: Math.max(...t.sliceRps) },
      latencyMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: n ? sorted[n - 1] : NaN },
      statuses: Object.fromEntries(t.statuses),
      meanBodyBytes: n ? Math.round(t.bytes / n) : 0,
      sampleBody: t.sampleBody,
    };
  }),
);
