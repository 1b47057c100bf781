// `affdash serve --workers N` on PostgreSQL: the first screen's throughput with 2 worker
// processes against 1, the same seeded schema, the same load (the load generator shares the
// machine's cores with the server, as in every row).
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

/** req/s of the first screen with `--workers 1` and `--workers 2`, kept and built. */
export async function workersRatio({ databaseUrl, concurrency, warmupMs, durationMs, seedSettings }) {
  const schema = `affdash_bench_workers_${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'affdash-bench-'));
  const admin = openPostgres(databaseUrl);
  await admin.exec(`CREATE SCHEMA "${schema}"`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PGOPTIONS: `-c search_path=${schema}`,
    AFFDASH_DATA_DIR: dataDir,
    AFFDASH_SECRET: randomBytes(36).toString('base64url'),
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
  };
  const result = {};
  try {
    execFileSync(process.execPath, [BIN, 'migrate'], { env });
    const key = /API key \(shown once\): (\S+)/.exec(
      execFileSync(process.execPath, [BIN, 'create-brand', '--name', 'Bench Workers'], { env }).toString(),
    )[1];
    let seeded;
    // the first screen as a reload asks it (the kept answer), then built on every request
    // (AFFDASH_FIRST_SCREEN_CACHE_MB=0), each with 1 and 2 workers
    for (const [kind, cacheMb] of [['kept', '32'], ['built', '0']]) for (const workers of [1, 2]) {
      const server = spawn(process.execPath, [BIN, 'serve', '--workers', String(workers)], {
        env: { ...env, AFFDASH_FIRST_SCREEN_CACHE_MB: cacheMb },
        stdio: 'ignore',
      });
      try {
        await until(`${base}/health`, 30_000);
        seeded ??= await seed(base, key, seedSettings);
        const [firstScreen] = await load({
          rounds: 1,
          targets: [{
            url: `${base}/v1/dashboard/enrollments/${seeded.enrollmentId}`,
            headers: { authorization: `Bearer ${seeded.token}` },
            expect: 200,
            concurrency, warmupMs, durationMs,
          }],
        });
        result[`${kind}${workers}`] = firstScreen.rps;
      } finally {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGTERM');
        await exited;
      }
    }
  } finally {
    await admin.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    one: result.kept1,
    two: result.kept2,
    ratio: result.kept2 / result.kept1,
    built: { one: result.built1, two: result.built2, ratio: result.built2 / result.built1 },
  };
}
