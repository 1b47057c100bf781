import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../http/context.js';
import {
  claimKey,
  idempotencyKey,
  requestFingerprint,
  storeAnswer,
  type StoredAnswer,
} from '../../http/idempotency.js';

/** The methods of the brand API that create or change something, and take a key. */
const KEYED_METHODS = new Set(['POST', 'PATCH']);
/** Response headers that describe a stored body, and so are replayed with it. */
const KEPT_HEADERS = ['content-type', 'location', 'preference-applied', 'vary'];

/** Thrown out of the keyed transaction to roll it back when the answer is an error. */
class ErrorAnswer extends Error {}

/**
 * Honours `Idempotency-Key` on every POST and PATCH of the brand API (`/v1/…`, API key):
 * the handler runs inside one transaction that first claims the key for the brand (its
 * `deps.db` is that transaction), and a successful answer is stored with the key in the same
 * transaction, so a write never commits without its answer or an answer without its write.
 * A retry with the same key and the same request (method, path, query, `Prefer` and body) gets
 * the stored status and body with `Idempotent-Replayed: true`, also while the first is still
 * running (it waits on the key's row); the same key with another request is a 409. An error
 * answer rolls everything back, key included, so the request can be sent again with its key.
 * Requests without the header pass through untouched.
 *
 * @example
 * app.use('/v1/*', idempotency());
 */
export function idempotency() {
  return createMiddleware<AppEnv>(async function idempotencyMiddleware(c, next) {
    if (!KEYED_METHODS.has(c.req.method) || c.req.path.startsWith('/v1/dashboard/')) return next();
    const key = idempotencyKey(c.req.header('idempotency-key'));
    if (key === undefined) return next();
    // authenticated already (`brandCredentials`): an API key, or a brand session (the composer's
    // Send); the route checks what it may reach
    let replay: StoredAnswer | null = null;
    const brandId = c.get('brandId');
    const fingerprint = requestFingerprint(
      c.req.method,
      c.req.path,
      new URL(c.req.url).search,
      c.req.header('prefer') ?? null,
      await c.req.text(),
    );
    const deps = c.get('deps');
    try {
      replay = await deps.db.tx(async (db) => {
        const stored = await claimKey(db, brandId, key, fingerprint);
        if (stored) return stored;
        c.set('deps', { ...deps, db });
        try {
          await next();
        } finally {
          c.set('deps', deps);
        }
        if (c.error || c.res.status >= 400) throw new ErrorAnswer();
        await storeAnswer(db, brandId, key, {
          status: c.res.status,
          headers: keptHeaders(c.res.headers),
          body: await c.res.clone().text(),
        });
        return null;
      });
    } catch (error) {
      if (!(error instanceof ErrorAnswer)) throw error;
    }
    const answer = replay as StoredAnswer | null;
    if (answer) {
      return c.body(answer.body, answer.status as ContentfulStatusCode, {
        ...answer.headers,
        'Idempotent-Replayed': 'true',
      });
    }
  });
}

function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return kept;
}
