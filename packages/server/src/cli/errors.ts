import { ConfigError } from '../config.js';
import { DataFolderBusyError } from '../db/pglite.js';
import { ApiError } from '../http/errors.js';

/** A mistake of the person running the command, said in one line (exit status 1). */
export class CliError extends Error {}

/** A wrong command or flag (exit status 2); `help` names where to read the usage. */
export class UsageError extends CliError {
  constructor(
    message: string,
    readonly help = 'affdash --help',
  ) {
    super(message);
  }
}

const fileProblems: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder',
};

/**
 * The one line the CLI prints for an error, and its exit status. Errors nobody expected
 * also get one line; `AFFDASH_DEBUG=1` prints their stack.
 */
export function describeError(error: unknown): { line: string; status: number } {
  if (error instanceof UsageError) return { line: `${error.message} (see ${error.help})`, status: 2 };
  if (
    error instanceof CliError ||
    error instanceof ConfigError ||
    error instanceof DataFolderBusyError ||
    (error instanceof ApiError && error.status < 500)
  ) {
    return { line: error.message, status: 1 };
  }
  const e = error as NodeJS.ErrnoException & { address?: string; port?: number };
  if (e?.code && e.path && fileProblems[e.code]) return { line: `cannot read ${e.path}: ${fileProblems[e.code]}`, status: 1 };
  if (e?.code === 'EADDRINUSE') {
    return { line: `port ${e.port} on ${e.address} is in use: stop what listens there, or set PORT to another port`, status: 1 };
  }
  if (e?.code === 'ECONNRESET' || e?.code === 'EPIPE' || /Connection terminated/.test(e?.message ?? '')) {
    return { line: `lost the connection to the database (${e.message}); run the command again`, status: 1 };
  }
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND') {
    return { line: `cannot reach the database (${e.message}): check DATABASE_URL`, status: 1 };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { line: `${message}${process.env.AFFDASH_DEBUG ? '' : ' (AFFDASH_DEBUG=1 prints the details)'}`, status: 1 };
}
