import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCliServer, type CliServer } from './cli.js';

// The embedded database has one owner: `affdash serve` opens the data folder, and every CLI
// command run beside it works through the server's socket, so nothing is lost.
const port = 9311;
const api = `http://127.0.0.1:${port}`;
let dataDir: string;
let env: Record<string, string>;
let server: CliServer | undefined;

const ownerFile = () => path.join(dataDir, 'pglite.owner');

async function call(key: string, method: string, route: string, body?: unknown) {
  const res = await fetch(`${api}${route}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function cli(args: string[], extra: Record<string, string> = {}) {
  const result = await runCli(args, { ...env, ...extra });
  expect(result.code, `affdash ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'affdash-owner-'));
  env = {
    AFFDASH_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: api,
    AFFDASH_SECRET: 's'.repeat(48),
    SMTP_URL: '',
  };
});

afterAll(async () => {
  await server?.stop('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

describe('one owner of the embedded database', () => {
  const seen: {
    key?: string;
    demoKey?: string;
    enrollmentIds: string[];
    dashboardUrl?: string;
    messageId?: string;
  } = { enrollmentIds: [] };

  it('serves every CLI command beside a running server through the owner', async () => {
    server = await startCliServer(env);
    expect(JSON.parse(await readFile(ownerFile(), 'utf8'))).toMatchObject({ pid: server.child.pid });

    const created = await cli(['create-brand', '--name', 'Acme']);
    const key = /API key \(shown once\): (\S+)/.exec(created)![1]!;
    seen.key = key;
    expect((await call(key, 'GET', '/v1/offers')).status).toBe(200);

    const offer = await call(key, 'POST', '/v1/offers', {
      name: 'Summer Glow',
      currency: 'USD',
      commission: { type: 'percent', rateBps: 1000 },
      destinationUrl: 'https://shop.example/glow',
    });
    expect(offer.status).toBe(201);
    const csv = path.join(dataDir, 'members.csv');
    await writeFile(csv, 'name,email\nAda,ada@example.com\nBo,bo@example.com\n');
    const enrolled = await cli(['enroll', '--offer', offer.body.id, '--csv', csv], { AFFDASH_API_KEY: key });
    const rows = enrolled.trim().split('\n').slice(1).map((line) => line.split(','));
    expect(rows.map((r) => r[1])).toEqual(['created', 'created']);
    seen.enrollmentIds = rows.map((r) => r[2]!);
    for (const id of seen.enrollmentIds) expect((await call(key, 'GET', `/v1/enrollments/${id}`)).status).toBe(200);

    const rotated = await cli(['rotate-link', '--enrollment', seen.enrollmentIds[0]!, '--api-key', key]);
    seen.dashboardUrl = rotated.trim().split(' ')[1]!;
    expect((await fetch(seen.dashboardUrl)).status).toBe(200);

    const memberId = rows[0]![0]!;
    const queued = await cli(['email', 'tracking-items', '--offer', offer.body.id, '--member', memberId, '--send', '--api-key', key]);
    seen.messageId = /queued (\S+)/.exec(queued)![1]!;
    const preview = await cli(['email', 'members-message', '--offer', offer.body.id, '--api-key', key]);
    expect(preview).toContain('To: ada@example.com');
    expect(preview).toMatch(/^Content-Language: (en|de|es|fr|pt)$/m);
    const everyone = await cli(['email', 'members-message', '--offer', offer.body.id, '--send', '--api-key', key]);
    expect(everyone.match(/^queued /gm)).toHaveLength(2);
    expect(await cli(['email', 'status', '--api-key', key])).toContain(seen.messageId);
    expect(JSON.parse(await cli(['email', 'message', seen.messageId, '--api-key', key]))).toMatchObject({ id: seen.messageId });
    expect(await cli(['deliver'])).toMatch(/^approval: approved \d+ conversions.*\nemail: sent \d+/);
    expect(await cli(['migrate'])).toContain('the schema is up to date');

    const demo = await cli(['demo']);
    seen.demoKey = /Demo brand API key \(new each start\): (\S+)/.exec(demo)![1]!;
    expect((await call(seen.demoKey, 'GET', '/v1/offers')).body.data.length).toBeGreaterThan(0);
  }, 240_000);

  it('finds every row after a restart, and the owner file is gone after a clean stop', async () => {
    await server!.stop();
    expect(existsSync(ownerFile())).toBe(false);
    server = await startCliServer(env);
    for (const id of seen.enrollmentIds) expect((await call(seen.key!, 'GET', `/v1/enrollments/${id}`)).status).toBe(200);
    expect((await fetch(seen.dashboardUrl!)).status).toBe(200);
    const message = await call(seen.key!, 'GET', `/v1/emails/messages/${seen.messageId}`);
    expect(message.body.status).toBe('sent');
    const messages = await call(seen.key!, 'GET', '/v1/emails/messages?limit=100');
    expect(messages.body.data).toHaveLength(3);
    expect((await call(seen.demoKey!, 'GET', '/v1/offers')).status).toBe(200);
  });

  it('takes over the folder of an owner that was killed', async () => {
    const killed = server!.child.pid;
    await server!.stop('SIGKILL');
    expect(JSON.parse(await readFile(ownerFile(), 'utf8')).pid).toBe(killed);
    server = await startCliServer(env);
    expect(JSON.parse(await readFile(ownerFile(), 'utf8')).pid).toBe(server.child.pid);
    expect((await call(seen.key!, 'GET', `/v1/enrollments/${seen.enrollmentIds[1]}`)).status).toBe(200);
    await server.stop();
    server = undefined;
  });

  it('refuses at once, naming the owner, when the owner does not answer', async () => {
    const socketDir = path.join(dataDir, 'nowhere');
    const record = { pid: process.pid, command: 'vitest', startedAt: new Date().toISOString(), socketDir };
    await writeFile(ownerFile(), JSON.stringify(record));
    const started = Date.now();
    const result = await runCli(['migrate'], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`owned by process ${process.pid}`);
    expect(Date.now() - started).toBeLessThan(20_000);
    await rm(ownerFile());
  });
});
