import { vi } from 'vitest';
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
