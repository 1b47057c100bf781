import { createTestServer } from '@affdash/server';
import { afterAll, beforeAll } from 'vitest';
import { Affdash } from '../src/index.js';

export interface SdkContext {
  /** The real affdash server of this test file, on a loopback port. */
  server: Awaited<ReturnType<typeof createTestServer>>;
  /** A brand client with the server's API key. */
  affdash: Affdash;
}

/** Starts one real server for the test file (closed after it) and a brand client for it. */
export function useSdk(): SdkContext {
  const t = {} as SdkContext;
  beforeAll(async () => {
    t.server = await createTestServer();
    t.affdash = new Affdash({ apiKey: t.server.apiKey, baseUrl: t.server.url });
  });
  afterAll(() => t.server?.close());
  return t;
}
