import { afterAll, expect, vi } from 'vitest';
import type { CommissionStructure } from '@affdash/core';
import { createApiKey, createApp, createDeps, ensureBrand, type AppDeps, type Database } from '../src/index.js';
import type { Backend } from './backends.js';
import { useDatabase } from './backends.js';

export const SECRET = 'x'.repeat(48);
export const PUBLIC_URL = 'http://affdash.test';

export type App = ReturnType<typeof createApp>;

/** As a test app runs: behind one proxy of its own, so `X-Forwarded-For` names the visitor. */
export const TEST_OPTIONS = { secret: SECRET, publicUrl: PUBLIC_URL, widgetFile: undefined, rateLimits: { trustProxies: 1 } };

/** A response with its body read once: JSON when it is JSON, else text. */
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function read<T = any>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('application/json')) {
    body = JSON.parse(text);
  }
  return { status: res.status, headers: res.headers, body: body as T, text };
}

/** Calls the in-process app with a JSON body and a bearer credential. */
export async function call<T = any>(
  app: App,
  method: string,
  path: string,
  options: { auth?: string | undefined; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) headers.authorization = `Bearer ${options.auth}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  return read<T>(await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) }));
}

/** Asserts the documented error body and status, and that nothing leaks a stack. */
export function expectError(answer: Answer, status: number, code: string): void {
  expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
  expect(typeof answer.body.error.message).toBe('string');
  expect(answer.text).not.toMatch(/\bat .+\(.*:\d+:\d+\)|node_modules|\.ts:\d+/);
}

/** A brand with an API key, and short calls on its behalf. */
export class BrandClient {
  constructor(
    readonly app: App,
    readonly brandId: string,
    readonly apiKey: string,
  ) {}

  call<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    return call<T>(this.app, method, path, { auth: this.apiKey, body });
  }

  /** Calls and asserts the status, returning the body. */
  async ok<T = any>(method: string, path: string, body: unknown, status: number): Promise<T> {
    const answer = await this.call<T>(method, path, body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    return answer.body;
  }

  createOffer(overrides: Record<string, unknown> = {}) {
    return this.ok('POST', '/v1/offers', {
      name: 'Summer Glow',
      currency: 'USD',
      commission: { type: 'percent', rateBps: 1_000 } satisfies CommissionStructure,
      holdDays: 30,
      destinationUrl: 'https://shop.example/glow',
      ...overrides,
    }, 201);
  }

  createMember(overrides: Record<string, unknown> = {}) {
    return this.ok('POST', '/v1/members', { name: 'Maya Lopez', email: 'maya@example.com', ...overrides }, 201);
  }

  enroll(offerId: string, memberId: string, promoCode?: string) {
    return this.ok('POST', '/v1/enrollments', { offerId, memberId, ...(promoCode ? { promoCode } : {}) }, 201);
  }

  /** An offer, a member and their enrollment in one go. */
  async setup(offer: Record<string, unknown> = {}, member: Record<string, unknown> = {}) {
    const o = await this.createOffer(offer);
    const m = await this.createMember(member);
    const e = await this.enroll(o.id, m.id);
    return { offer: o, member: m, enrollment: e };
  }

  convert(body: Record<string, unknown>) {
    return this.call('POST', '/v1/conversions', body);
  }

  async token(enrollmentId: string): Promise<string> {
    const body = await this.ok('POST', '/v1/dashboard-tokens', { enrollmentId }, 201);
    return body.token as string;
  }
}

/**
 * One database and app for the enclosing `describe` (one per file and backend);
 * `brand()` makes a fresh brand per test, so tests never see each other's rows.
 */
export function useApp(backend: Backend) {
  const holder = useDatabase(backend);
  const ctx = {
    get db(): Database {
      return holder.db;
    },
    get deps(): AppDeps {
      return (cache.deps ??= createDeps(holder.db, TEST_OPTIONS));
    },
    get app(): App {
      return (cache.app ??= createApp(ctx.deps));
    },
    /**
     * The same API in a second process: its own deps and caches on the same database (on
     * PostgreSQL its own pool and listener; PGlite has one owner, so the same instance).
     */
    get other(): { app: App; deps: AppDeps } {
      if (!cache.other) {
        const deps = createDeps(backend.again(holder.db), TEST_OPTIONS);
        cache.other = { app: createApp(deps), deps };
      }
      return cache.other;
    },
    async brand(name = 'Glow Cosmetics'): Promise<BrandClient> {
      const brandId = await ensureBrand(holder.db, { name });
      const apiKey = await createApiKey(holder.db, brandId, 'test');
      return new BrandClient(ctx.app, brandId, apiKey);
    },
    dashboard<T = any>(token: string, path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
      return call<T>(ctx.app, init.method ?? 'GET', path, { auth: token, headers: init.headers ?? {} });
    },
  };
  const cache: { app?: App; deps?: AppDeps; other?: { app: App; deps: AppDeps } } = {};
  afterAll(async () => {
    await cache.deps?.clicks.flush();
    await cache.other?.deps.clicks.flush();
    await cache.other?.deps.db.close();
  });
  return ctx;
}

/** Waits until a process hears the change feed (its caches answer only then). */
export async function untilLive(deps: AppDeps): Promise<void> {
  await vi.waitFor(() => expect(deps.changes.live).toBe(true), { timeout: 5_000, interval: 10 });
}
