import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

// The affdash command's answers to mistakes: one line on stderr, a non-zero status, no stack.
const commands = ['serve', 'migrate', 'demo', 'create-brand', 'enroll', 'rotate-link', 'email', 'deliver'];
let dataDir: string;
let env: Record<string, string>;

const oneLine = (stderr: string) => {
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  return stderr.trim();
};

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'affdash-cli-'));
  env = { AFFDASH_DATA_DIR: dataDir, AFFDASH_SECRET: 's'.repeat(48), PORT: '9321', HOST: '127.0.0.1' };
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('affdash CLI errors', () => {
  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../packages/server/package.json', import.meta.url), 'utf8'));
    const result = await runCli(['--version'], env);
    expect(result).toMatchObject({ code: 0, stdout: `affdash ${version}\n` });
  });

  it.each(commands)('prints the usage of %s with --help', async (command) => {
    const result = await runCli([command, '--help'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage:\\n  affdash ${command}\\b`));
  });

  it.each(commands)('refuses an unknown flag of %s in one line', async (command) => {
    const result = await runCli([command, '--wrong-flag'], env);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toBe(
      `affdash: unknown option "--wrong-flag" for ${command} (see affdash ${command} --help)`,
    );
  });

  it('refuses an unknown command, an unknown global flag and a flag without its value', async () => {
    const unknown = await runCli(['launch'], env);
    expect(unknown.code).toBe(2);
    expect(oneLine(unknown.stderr)).toBe('affdash: unknown command "launch" (see affdash --help)');
    const flag = await runCli(['--verbose'], env);
    expect(oneLine(flag.stderr)).toBe('affdash: unknown option "--verbose" (see affdash --help)');
    const missing = await runCli(['create-brand', '--name'], env);
    expect(missing.code).toBe(2);
    expect(oneLine(missing.stderr)).toBe('affdash: --name of create-brand needs a value (see affdash create-brand --help)');
    const beforeFlag = await runCli(['rotate-link', '--enrollment', '--api-key', 'affdash_sk_x'], env);
    expect(beforeFlag.code).toBe(2);
    expect(oneLine(beforeFlag.stderr)).toBe(
      'affdash: --enrollment of rotate-link needs a value before the next flag (one starting with a dash: --enrollment=-…) (see affdash rotate-link --help)',
    );
    const boolean = await runCli(['email', 'members-message', '--send=yes'], env);
    expect(oneLine(boolean.stderr)).toBe('affdash: --send of email takes no value (see affdash email --help)');
    const extra = await runCli(['migrate', 'now'], env);
    expect(oneLine(extra.stderr)).toBe('affdash: migrate takes no argument "now" (see affdash migrate --help)');
  });

  it('names a file it cannot read', async () => {
    const file = path.join(dataDir, 'missing.csv');
    const result = await runCli(['enroll', '--offer', 'off_x', '--csv', file, '--api-key', 'affdash_sk_x'], env);
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe(`affdash: cannot read ${file}: no such file`);
  });

  it('names a port in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(9322, '127.0.0.1', resolve));
    try {
      const result = await runCli(['serve'], { ...env, PORT: '9322' });
      expect(result.code).toBe(1);
      expect(oneLine(result.stderr)).toBe(
        'affdash: port 9322 on 127.0.0.1 is in use: stop what listens there, or set PORT to another port',
      );
    } finally {
      blocker.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)('stops, naming the port, when two workers cannot listen (PostgreSQL)', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(9323, '127.0.0.1', resolve));
    try {
      const result = await runCli(['serve', '--workers', '2'], { ...env, PORT: '9323', DATABASE_URL: process.env.DATABASE_URL! });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('affdash: port 9323 on 127.0.0.1 is in use');
      expect(result.stderr).not.toContain('starting another');
    } finally {
      blocker.close();
    }
  });

  it('names a setting it cannot use', async () => {
    const result = await runCli(['migrate'], { ...env, PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe('affdash: PORT must be a whole number from 0 to 65535');
  });

  it('finishes its work quietly when its reader stops early (| head -1)', async () => {
    const { spawn } = await import('node:child_process');
    const { affdashBin } = await import('./cli.js');
    const child = spawn(process.execPath, [affdashBin, 'create-brand', '--name', 'Piped'], {
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy()); // the first line read, the pipe closed
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const again = await runCli(['create-brand', '--name', 'After'], env);
    expect(again.code).toBe(0);
  });
});
