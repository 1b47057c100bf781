// `npm start` warm: from the command to every URL it prints answering, on a data folder the
// demo was already seeded into (a first, cold start seeds it and is not measured). Also the
// resident memory once idle of the affdash process (API, hosted pages, embedded database) and,
// apart, of the example brand site's own process (with Vite's dev server).
import { spawn } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Runs `npm start` until the React URL is printed and answering; ms and the URLs. */
async function startOnce(env) {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited: ${out.slice(-500)}`);
      if (/\/react\/\n/.test(out)) break;
      if (performance.now() - started > 180_000) throw new Error('npm start did not finish starting in 180 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    const urls = [...new Set(out.match(/https?:\/\/[^\s"]+/g) ?? [])].filter((u) => !u.includes('/v1/offers'));
    for (const url of urls) await fetch(url, { redirect: 'manual' }).then((r) => r.arrayBuffer());
    const ms = performance.now() - started;
    return { ms, urls, pid: child.pid, child };
  } catch (error) {
    process.kill(-child.pid, 'SIGTERM');
    throw error;
  }
}

function rssMb(pid) {
  // the node process npm started: the child of npm's shell
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** The first node process under `pid` whose command line has `script`. */
function nodeDescendant(pid, script = 'examples/start.mjs') {
  const children = (p) => {
    try {
      return readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift();
    const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
    const [argv0 = ''] = cmd.split('\0');
    if (cmd.includes(script) && /node$/.test(argv0)) return p;
    queue.push(...children(p));
  }
  return undefined;
}

async function stop(run) {
  if (run.child.exitCode !== null) return;
  const exited = new Promise((r) => run.child.once('exit', r));
  try {
    process.kill(-run.child.pid, 'SIGINT');
  } catch {
    run.child.kill('SIGINT');
  }
  await exited;
}

export async function startTime() {
  const dataDir = mkdtempSync(join(tmpdir(), 'affdash-start-'));
  const env = {
    ...process.env,
    DATABASE_URL: '',
    AFFDASH_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    BRAND_SITE_PORT: String(await freePort()),
  };
  try {
    const cold = await startOnce(env);
    await new Promise((r) => setTimeout(r, 3_000));
    const rssOf = (run, script) => {
      const pid = nodeDescendant(run.pid, script);
      return pid ? rssMb(pid) : NaN;
    };
    const coldRssMb = rssOf(cold);
    await stop(cold);
    const warm = await startOnce(env);
    await new Promise((r) => setTimeout(r, 3_000));
    const warmRssMb = rssOf(warm);
    const siteRssMb = rssOf(warm, 'brand-site/dev.mjs');
    await stop(warm);
    return { coldMs: cold.ms, warmMs: warm.ms, urls: warm.urls.length, coldRssMb, warmRssMb, siteRssMb };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await startTime());
