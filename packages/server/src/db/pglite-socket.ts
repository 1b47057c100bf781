import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { SOCKET_FILE } from './owner-file.js';
import type { SessionGate } from './session-gate.js';

/** A client on the socket: a CLI command, a worker process. */
const MAX_CLIENTS = 64;
/** How long a stopping owner waits for connected clients to leave. */
const CLIENTS_FINISH_MS = 10_000;
/** The PostgreSQL ReadyForQuery message: 'Z', length 5, then the session's status. */
const READY_FOR_QUERY = [0x5a, 0, 0, 0, 5];
const IDLE = 0x49; // 'I'
const TERMINATE = 0x58; // 'X'

export interface SharedSocket {
  stop(): Promise<void>;
}

/**
 * Serves the owner's PGlite to other processes as a PostgreSQL server on a unix socket in
 * `socketDir` (mode 700, so only this user connects). Their messages go through `gate`.
 */
export async function shareOverSocket(pglite: PGlite, gate: SessionGate, socketDir: string): Promise<SharedSocket> {
  mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  chmodSync(socketDir, 0o700);
  const socketPath = path.join(socketDir, SOCKET_FILE);
  rmSync(socketPath, { force: true }); // left by an owner that crashed
  const server = new PGLiteSocketServer({
    db: gatedSession(pglite, gate),
    path: socketPath,
    maxConnections: MAX_CLIENTS,
  });
  await server.start();
  return {
    async stop() {
      // a command that owns the folder for a moment lets the clients it served finish first
      const deadline = Date.now() + CLIENTS_FINISH_MS;
      while (server.getStats().activeConnections > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await server.stop();
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

/**
 * The view of PGlite the socket server gets. A client takes the gate with its first message
 * and keeps it until PGlite answers ReadyForQuery outside a transaction; meanwhile it reports
 * being "in a transaction", so the socket server runs only that client's messages.
 */
function gatedSession(pglite: PGlite, gate: SessionGate): PGlite {
  let release: (() => void) | undefined;
  let lastBytes: number[] = [];
  let left = false;
  const end = () => {
    release?.();
    release = undefined;
  };
  const session = {
    waitReady: pglite.waitReady,
    isInTransaction: () => release !== undefined,
    async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
      release ??= await gate.acquire();
      lastBytes = [];
      left = false;
      try {
        return await pglite.runExclusive(fn);
      } catch (error) {
        end();
        throw error;
      } finally {
        const idle =
          lastBytes.length === 6 &&
          READY_FOR_QUERY.every((b, i) => lastBytes[i] === b) &&
          lastBytes[5] === IDLE &&
          !pglite.isInTransaction();
        if (idle || left) end();
      }
    },
    execProtocolRawStream(message: Uint8Array, options: { onRawData: (data: Uint8Array) => void }) {
      if (message[0] === TERMINATE) {
        // the client leaves: end what it left open, then its turn
        const rollback = pglite.isInTransaction()
          ? pglite.execProtocolRawStream(simpleQuery('ROLLBACK'), { onRawData: () => {} })
          : Promise.resolve();
        left = true;
        return rollback;
      }
      return pglite.execProtocolRawStream(message, {
        onRawData: (data) => {
          lastBytes = [...lastBytes, ...data.subarray(-6)].slice(-6);
          options.onRawData(data);
        },
      });
    },
    /** The socket server's rollback of a client that went away mid-transaction. */
    async exec(query: string) {
      try {
        await pglite.exec(query);
      } finally {
        end();
      }
    },
  };
  return session as unknown as PGlite;
}

/** A simple-protocol Query message. */
function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`, 'utf8');
  const message = Buffer.alloc(5 + body.length);
  message[0] = 0x51; // 'Q'
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return message;
}
