import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built `affdash` command (run after `npm run build`). */
export const affdashBin = fileURLToPath(new URL('../packages/server/bin/affdash.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `affdash …args` to the end (killed after `timeoutMs`) with `env` over the environment, on the embedded database unless `env` names one. */
export function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 30_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [affdashBin, ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface CliServer {
  child: ChildProcess;
  output(): string;
  /** Sends `signal` and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `affdash serve` and waits until it listens. */
export function startCliServer(env: Record<string, string>, args = ['serve']): Promise<CliServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [affdashBin, ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
    let output = '';
    const ended = new Promise<void>((done) => child.once('exit', () => done()));
    const server: CliServer = {
      child,
      output: () => output,
      async stop(signal = 'SIGTERM') {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        await ended;
      },
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`affdash ${args.join(' ')} did not start: ${output}`));
    }, 60_000);
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes('affdash API on')) {
        clearTimeout(timer);
        resolve(server);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`affdash ${args.join(' ')} exited with ${code}: ${output}`));
    });
  });
}
