import type { AddressInfo } from 'node:net';
import { serve as listen, type ServerType } from '@hono/node-server';
import { createApp } from './app.js';
import type { AppDeps } from './http/context.js';

export interface RunningServer {
  url: string;
  port: number;
  server: ServerType;
  /** Closes now, dropping the connections open. */
  close(): Promise<void>;
  /** Stops taking connections and lets the requests in flight finish (at most `ms`). */
  drain(ms: number): Promise<void>;
}

/** Listens with the API on `host:port` (port 0 picks a free one). */
export function serve(deps: AppDeps, options: { port: number; host: string }): Promise<RunningServer> {
  const app = createApp(deps);
  return new Promise((resolve, reject) => {
    const server = listen({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
      const port = (info as AddressInfo).port;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        url: `http://${host}:${port}`,
        port,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
        drain: (ms) =>
          new Promise<void>((done) => {
            const http = server as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
            const late = setTimeout(() => http.closeAllConnections?.(), ms);
            server.close(() => {
              clearTimeout(late);
              done();
            });
            // keep-alive connections with no request in flight would hold the close open
            http.closeIdleConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
