import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from '@databases/pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPostgres, type Database } from '../src/index.js';
import { workerCount } from '../src/cli/serve-command.js';

const BIN = fileURLToPath(new URL('../bin/affdash.js', import.meta.url));
const url = process.env.DATABASE_URL;

describe('affdash serve --workers', () => {
  it('is one per core with DATABASE_URL, and one (said so) on the embedded PGlite', () => {
    expect(workerCount('3', 'postgres://x').count).toBe(3);
    expect(workerCount(undefined, 'postgres://x').count).toBeGreaterThanOrEqual(1);
    expect(workerCount(undefined, undefined)).toEqual({ count: 1 });
    const pglite = workerCount('4', undefined);
    expect(pglite.count).toBe(1);
    expect(pglite.note).toMatch(/needs DATABASE_URL/);
    expect(() => workerCount('0', 'postgres://x')).toThrow(/--workers/);
  });
});

describe.runIf(url)('affdash serve --workers 2 on PostgreSQL', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'affdash-workers-'));
  const port = 9400 + Math.floor(Math.random() * 50);
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PGOPTIONS: `-c search_path=${schema}`,
    AFFDASH_DATA_DIR: dataDir,
    AFFDASH_SECRET: 's'.repeat(48),
    // long enough that only the shutdown's flush can have written the clicks
    AFFDASH_CLICK_BATCH_MS: '1000',
    AFFDASH_TRUST_PROXIES: '1',
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  let admin: Database;
  let server: ChildProcess;

  beforeAll(async () => {
    admin = openPostgres(url!);
    await admin.query(pg.sql`CREATE SCHEMA ${pg.sql.ident(schema)}`);
    execFileSync(process.execPath, [BIN, 'migrate'], { env });
    server = spawn(process.execPath, [BIN, 'serve', '--workers', '2'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    await vi.waitFor(
      async () => expect((await fetch(`${base}/health`).catch(() => null))?.status).toBe(200),
      { timeout: 20_000, interval: 100 },
    );
  }, 30_000);

  afterAll(async () => {
    if (server.exitCode === null) server.kill('SIGKILL');
    await admin.query(pg.sql`DROP SCHEMA ${pg.sql.ident(schema)} CASCADE`);
    await admin.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('forks two workers, and a SIGTERM drains them, writing the clicks they answered', async () => {
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(server.pid)]).toString().trim().split(/\s+/);
    expect(children).toHaveLength(2);

    const key = /API key \(shown once\): (\S+)/.exec(
      execFileSync(process.execPath, [BIN, 'create-brand', '--name', 'Workers'], { env }).toString(),
    )![1]!;
    const api = async (path: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return res.json() as Promise<any>;
    };
    const offer = await api('/v1/offers', {
      name: 'O', currency: 'USD', commission: { type: 'percent', rateBps: 1_000 }, holdDays: 0,
      destinationUrl: 'https://shop.example/',
    });
    const member = await api('/v1/members', { name: 'M', email: 'm@example.com' });
    const enrollment = await api('/v1/enrollments', { offerId: offer.id, memberId: member.id });
    const slug = new URL(enrollment.trackingUrl).pathname;
    const browser = 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0';
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${base}${slug}`, {
        redirect: 'manual',
        headers: { 'user-agent': browser, 'x-forwarded-for': `198.51.100.${i}` },
      });
      expect(res.status).toBe(302);
    }
    const [before] = await admin.query<{ n: number }>(
      pg.sql`SELECT count(*)::int AS n FROM ${pg.sql.ident(schema, 'clicks')} WHERE enrollment_id = ${enrollment.id}`,
    );
    expect(before!.n).toBeLessThan(20);
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    const [row] = await admin.query<{ n: number }>(
      pg.sql`SELECT count(*)::int AS n FROM ${pg.sql.ident(schema, 'clicks')} WHERE enrollment_id = ${enrollment.id}`,
    );
    expect(row!.n).toBe(20);
  }, 30_000);
});
