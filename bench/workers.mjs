// `affdash serve --workers N` on PostgreSQL: the first screen's throughput with 2 worker
// processes against 1, the same seeded schema, the same load in alternating slices (the load
// generator shares the machine's cores with the server, as in every row).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPostgres } from '@affdash/server';
import { load } from './load.mjs';
import { seed } from './seed.mjs';

const BIN = fileURLToPath(new URL('../packages/server/bin/affdash.js', import.meta.url));

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function until(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if ((await fetch(url).catch(() => null))?.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/**
 * req/s of the first screen with `--workers 1` and `--workers 2`, kept and built: both servers
 * run side by side on one schema, each on its own port and data folder, and are measured in
 * alternating slices, so a drift of the machine's speed meets both alike.
 */
export async function workersRatio({ databaseUrl, concurrency, warmupMs, durationMs, seedSettings }) {
  const schema = `affdash_bench_workers_${randomBytes(4).toString('hex')}`;
  const dataDirs = [];
  const admin = openPostgres(databaseUrl);
  await admin.exec(`CREATE SCHEMA "${schema}"`);
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PGOPTIONS: `-c search_path=${schema}`,
    AFFDASH_SECRET: randomBytes(36).toString('base64url'),
    HOST: '127.0.0.1',
  };
  const result = {};
  const servers = [];
  /** `affdash serve --workers N` on a port of its own; resolves with its URL once it answers. */
  const start = async (workers, cacheMb) => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'affdash-bench-'));
    dataDirs.push(dataDir);
    const server = spawn(process.execPath, [BIN, 'serve', '--workers', String(workers)], {
      env: { ...env, AFFDASH_DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: base, AFFDASH_FIRST_SCREEN_CACHE_MB: cacheMb },
      stdio: 'ignore',
    });
    servers.push(server);
    await until(`${base}/health`, 30_000);
    return base;
  };
  const stop = async () => {
    await Promise.all(servers.splice(0).map((server) => {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      return exited;
    }));
  };
  try {
    const setup = { ...env, AFFDASH_DATA_DIR: mkdtempSync(join(tmpdir(), 'affdash-bench-')) };
    dataDirs.push(setup.AFFDASH_DATA_DIR);
    execFileSync(process.execPath, [BIN, 'migrate'], { env: setup });
    const key = /API key \(shown once\): (\S+)/.exec(
      execFileSync(process.execPath, [BIN, 'create-brand', '--name', 'Bench Workers'], { env: setup }).toString(),
    )[1];
    let seeded;
    // the first screen as a reload asks it (the kept answer), then built on every request
    // (AFFDASH_FIRST_SCREEN_CACHE_MB=0), each with 1 and 2 workers
    for (const [kind, cacheMb] of [['kept', '32'], ['built', '0']]) {
      try {
        const bases = [await start(1, cacheMb), await start(2, cacheMb)];
        seeded ??= await seed(bases[0], key, seedSettings);
        const target = (base) => ({
          url: `${base}/v1/dashboard/enrollments/${seeded.enrollmentId}`,
          headers: { authorization: `Bearer ${seeded.token}` },
          expect: 200,
          concurrency, warmupMs, durationMs,
        });
        const [one, two] = await load({ rounds: 5, targets: bases.map(target) });
        result[`${kind}1`] = one.rps;
        result[`${kind}2`] = two.rps;
      } finally {
        await stop();
      }
    }
  } finally {
    await stop();
    await admin.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.close();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }
  return {
    one: result.kept1,
    two: result.kept2,
    ratio: result.kept2 / result.kept1,
    built: { one: result.built1, two: result.built2, ratio: result.built2 / result.built1 },
  };
}
