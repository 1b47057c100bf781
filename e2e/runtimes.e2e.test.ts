import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { waitForText } from './harness.js';

// The built server (run after `npm run build`) on every runtime it supports, through its CLI:
// migrate, serve with demo data, the first screen, a conversion, the hosted page in Chromium.
const root = new URL('../', import.meta.url).pathname;
const cli = path.join(root, 'packages/server/bin/affdash.js');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);

const runtimes: { name: string; command: (args: string[]) => [string, string[]] }[] = [
  { name: 'Node', command: (args) => [process.execPath, [cli, ...args]] },
  { name: 'Bun', command: (args) => [bin('bun'), [cli, ...args]] },
  { name: 'Deno', command: (args) => [bin('deno'), ['run', '--allow-all', cli, ...args]] },
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the process's output once `pattern` shows in it. */
function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in:\n${out}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}:\n${out}`));
    });
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(runtimes)('the built server on $name', ({ command }) => {
  let dataDir: string;
  let server: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv;
  let url: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'affdash-runtime-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    env = {
      ...process.env,
      DATABASE_URL: '',
      AFFDASH_DATA_DIR: dataDir,
      AFFDASH_SECRET: 'r'.repeat(48),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      NO_COLOR: '1',
    };
  });
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates, serves the demo, records a conversion and shows the hosted page', async () => {
    const [file, migrateArgs] = command(['migrate']);
    const { stdout } = await promisify(execFile)(file, migrateArgs, { env, cwd: root, timeout: 90_000 });
    expect(stdout).toMatch(/applied 001_initial/);

    const [serveFile, serveArgs] = command(['demo', '--serve']);
    server = spawn(serveFile, serveArgs, { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = await waitForOutput(server, /affdash API on /);
    const apiKey = /API key \(new each start\): (\S+)/.exec(out)![1]!;
    const hosted = /(http:\/\/\S+\/d\/\S+)/.exec(out)![1]!;
    const memberName = /Hosted dashboards of (.+) \(/.exec(out)![1]!;
    const brand = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };

    const enrollments = await (await fetch(`${url}/v1/enrollments?limit=1`, { headers: brand })).json();
    const enrollment = enrollments.data[0];
    const minted = await fetch(`${url}/v1/dashboard-tokens`, {
      method: 'POST',
      headers: brand,
      body: JSON.stringify({ enrollmentId: enrollment.id }),
    });
    expect(minted.status).toBe(201);
    const { token } = await minted.json();
    const first = await fetch(`${url}/v1/dashboard/enrollments/${enrollment.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(first.status).toBe(200);
    const screen = await first.json();
    expect(screen.enrollment.promoCode).toBe(enrollment.promoCode);

    const sale = await fetch(`${url}/v1/conversions`, {
      method: 'POST',
      headers: brand,
      body: JSON.stringify({
        orderId: `runtime-${Date.now()}`,
        promoCode: enrollment.promoCode,
        amount: 12_500,
        currency: screen.offer.currency,
      }),
    });
    expect(sale.status).toBe(201);

    const page = await browser.newPage();
    try {
      await page.goto(hosted.replace('localhost', '127.0.0.1'));
      await waitForText(page, [memberName]);
    } finally {
      await page.close();
    }
  }, 180_000);
});
