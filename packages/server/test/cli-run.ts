import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import { runBrandCommand, type BrandCommandValues } from '../src/cli/brand-commands.js';
import { parseCommand, type CommandName } from '../src/cli/commands.js';
import { describeError } from '../src/cli/errors.js';

/**
 * Runs one brand command in-process as the CLI does: its flags checked, its output caught, an
 * error said in one line with its exit status.
 */
export async function runCli(args: string[]): Promise<{ out: string; err: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  process.exitCode = 0;
  try {
    const [command, ...rest] = args as [CommandName, ...string[]];
    const { values, positionals } = parseCommand(command, rest);
    await runBrandCommand(command, positionals, values as BrandCommandValues);
  } catch (error) {
    const { line, status } = describeError(error);
    err.push(`affdash: ${line}\n`);
    process.exitCode = status;
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out: out.join(''), err: err.join(''), code };
}

/**
 * A data folder of its own for the CLI commands of a test file, on the embedded database
 * (no DATABASE_URL, no SMTP_URL: email goes to `<dir>/outbox`); the environment is put back
 * and the folder removed afterwards. Call it before the file's own `beforeAll`.
 */
export function useCliDataFolder(secret: string): { readonly dir: string } {
  const saved = { ...process.env };
  const holder = { dir: '' };
  beforeAll(async () => {
    holder.dir = await mkdtemp(path.join(tmpdir(), 'affdash-cli-'));
    delete process.env.DATABASE_URL;
    delete process.env.SMTP_URL;
    process.env.AFFDASH_DATA_DIR = holder.dir;
    process.env.AFFDASH_SECRET = secret;
  });
  afterAll(async () => {
    process.env = saved;
    await rm(holder.dir, { recursive: true, force: true });
  });
  return holder;
}
