// wrk (Debian's `wrk`, a C load generator) as the load client: on a 2-core machine the client
// shares the cores with the server and PostgreSQL, and wrk costs a few microseconds a request
// where a Node.js client costs tens. Same options and the same result shape as load-worker.mjs.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The wrk on PATH, or null. */
export function findWrk() {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return 'wrk';
  } catch (error) {
    // `wrk --version` prints its usage and exits 1: it is there
    return error.code === 'ENOENT' ? null : 'wrk';
  }
}

const lua = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * A script that sends the target's headers (a new `uniqueHeader` value each request, from
 * 198.18.0.0/15), counts statuses when the expected one is not 2xx/3xx (wrk counts those as
 * errors), and prints one JSON line of results.
 */
function script(target) {
  const headers = Object.entries(target.headers ?? {})
    .map(([k, v]) => `[${lua(k)}] = ${lua(v)}`)
    .join(', ');
  const unique = target.uniqueHeader
    ? `
counter = 0
request = function()
  counter = counter + 1
  headers[${lua(target.uniqueHeader)}] = string.format("198.%d.%d.%d", 18 + math.floor(counter / 65536) % 2,
    math.floor(counter / 256) % 256, counter % 256)
  return wrk.format(nil, nil, headers)
end`
    : `
request = function() return req end`;
  const counting = target.expect && (target.expect < 200 || target.expect >= 400);
  return `
headers = { ${headers} }
-- built once the thread knows the URL's path
init = function(args) req = wrk.format("GET", nil, headers) end
${unique}
expected = 0
${counting ? `response = function(status) if status == ${target.expect} then expected = expected + 1 end end` : ''}
threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
  local e = 0
  ${counting ? 'for _, t in ipairs(threads) do e = e + t:get("expected") end' : ''}
  io.write(string.format('{"requests":%d,"durationUs":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"expected":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d}\\n',
    summary.requests, summary.duration, summary.bytes, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout, e,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end`;
}

function run(args) {
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const line = stdout.split('\n').find((l) => l.startsWith('{"requests"'));
      if (!line) return reject(new Error(`wrk: ${error?.message ?? ''} ${stderr}`.trim()));
      resolve(JSON.parse(line));
    });
  });
}

/** `load()` with wrk: warm-ups first, then the targets in alternating slices. */
export async function wrkLoad({ targets, rounds = 5 }) {
  const dir = mkdtempSync(join(tmpdir(), 'affdash-wrk-'));
  try {
    const files = targets.map((t, i) => {
      const file = join(dir, `t${i}.lua`);
      writeFileSync(file, script(t));
      return file;
    });
    // wrk runs for whole seconds: a target gets as many 1-second-or-longer slices as its time
    // holds, at most `rounds`, taking turns with the others
    const slice = (t, i, seconds) =>
      run(['-t1', `-c${t.concurrency}`, `-d${seconds}s`, '--timeout', '10s', '-s', files[i], t.url]);
    const slicesOf = (t) => Math.max(1, Math.min(rounds, Math.floor(t.durationMs / 1000)));
    for (const [i, t] of targets.entries()) if (t.warmupMs) await slice(t, i, Math.max(1, Math.round(t.warmupMs / 1000)));
    const results = targets.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, t] of targets.entries()) {
        const n = slicesOf(t);
        if (round < n) results[i].push(await slice(t, i, Math.max(1, Math.round(t.durationMs / 1000 / n))));
      }
    }
    return targets.map((t, i) => {
      const slices = results[i];
      const requests = slices.reduce((n, s) => n + s.requests, 0);
      const elapsedMs = slices.reduce((n, s) => n + s.durationUs / 1000, 0);
      const errors = slices.reduce((n, s) => n + s.connect + s.read + s.write + s.timeout, 0);
      const counting = t.expect && (t.expect < 200 || t.expect >= 400);
      const matched = slices.reduce((n, s) => n + (counting ? s.expected : s.requests - s.status), 0);
      const other = requests - matched;
      // a slice's percentiles, weighted by its requests: close enough for a report
      const weighted = (k) => slices.reduce((n, s) => n + (s[k] / 1000) * s.requests, 0) / (requests || 1);
      return {
        requests,
        errors,
        elapsedMs,
        rps: requests / (elapsedMs / 1000),
        sliceRps: {
          min: Math.min(...slices.map((s) => s.requests / (s.durationUs / 1e6))),
          max: Math.max(...slices.map((s) => s.requests / (s.durationUs / 1e6))),
        },
        latencyMs: { p50: weighted('p50'), p90: weighted('p90'), p99: weighted('p99'), max: Math.max(...slices.map((s) => s.max / 1000)) },
        statuses: { [t.expect ?? 200]: matched, ...(other ? { other } : {}) },
        meanBodyBytes: requests ? Math.round(slices.reduce((n, s) => n + s.bytes, 0) / requests) : 0,
        sampleBody: '',
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
