import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Who owns a PGlite data folder. Only one process may open the folder: the first one writes
 * `<folder>.owner` (its pid, and once it listens, the directory of its PostgreSQL socket);
 * every other process reads it and connects to that socket instead of opening the folder.
 * A file left by a process that is gone is taken over.
 */
export interface OwnerRecord {
  pid: number;
  /** The directory of the owner's socket (`.s.PGSQL.5432` in it); absent until it listens. */
  socketDir?: string;
  /** The owner's command line, for messages. */
  command: string;
  startedAt: string;
}

export type Claim = { role: 'owner'; record: OwnerRecord } | { role: 'client'; record: OwnerRecord };

/** The socket file name a PostgreSQL client looks for in a socket directory (port 5432). */
export const SOCKET_FILE = '.s.PGSQL.5432';
/** Unix socket paths are limited to about 104 bytes (108 on Linux). */
const MAX_SOCKET_PATH = 100;

export function ownerFileOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.owner`;
}

/** Where the owner of `dataDir` listens: beside the folder, or in the temp folder when that path is too long. */
export function socketDirOf(dataDir: string): string {
  const beside = `${path.resolve(dataDir)}.socket`;
  if (path.join(beside, SOCKET_FILE).length <= MAX_SOCKET_PATH) return beside;
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return path.join(tmpdir(), `affdash-${hash}`);
}

/** Whether a process with this pid is running (ours or another user's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readRecord(file: string): OwnerRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as OwnerRecord;
    return Number.isInteger(record.pid) ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Claims `dataDir` for this process, or names the live process that owns it. A file whose
 * process is gone (a crash, a kill -9) is removed and claimed again.
 */
export function claimDataFolder(dataDir: string): Claim {
  const file = ownerFileOf(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const record: OwnerRecord = {
    pid: process.pid,
    command: process.argv.slice(1).map((a) => path.basename(a)).join(' '),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(record), { flag: 'wx', mode: 0o600 });
      return { role: 'owner', record };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const existing = readRecord(file);
    if (existing && isAlive(existing.pid)) return { role: 'client', record: existing };
    if (!existing && attempt < 3) {
      // the owner may be writing it right now
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      continue;
    }
    // the owner is gone: take the file over unless someone else just did
    if (JSON.stringify(readRecord(file)) === JSON.stringify(existing)) rmSync(file, { force: true });
  }
  throw new Error(`could not claim ${file}`);
}

/** Re-reads the owner file (a client waiting for the owner's socket). */
export function readOwner(dataDir: string): OwnerRecord | undefined {
  return readRecord(ownerFileOf(dataDir));
}

/** Records, as the owner, where this process listens. */
export function publishSocket(dataDir: string, record: OwnerRecord, socketDir: string): void {
  const file = ownerFileOf(dataDir);
  const next = { ...record, socketDir };
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(next), { mode: 0o600 });
  renameSync(`${file}.${process.pid}`, file);
}

/** Gives the folder up: removes the owner file if it is still this process's. */
export function releaseDataFolder(dataDir: string): void {
  const file = ownerFileOf(dataDir);
  if (readRecord(file)?.pid !== process.pid) return;
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
