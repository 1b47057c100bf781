import type { DashboardGrant } from './dashboard-tokens.js';

interface Entry {
  grant: DashboardGrant;
  /** The key that signed it: a revocation forgets its tokens. */
  kid: string;
  /** Until when (ms) the token verifies: its `exp` plus the clock tolerance. */
  until: number;
}

/** How many verified tokens one process keeps. */
export const VERIFIED_TOKENS_MAX = 10_000;

/**
 * Dashboard tokens this process verified, so a token's signature and claims are checked once
 * and not on each request. Kept until the token's `exp`, at most `max` of them (the oldest
 * go first), and forgotten when their key is revoked (`forgetKey`, from the change feed).
 */
export class VerifiedTokens {
  readonly #entries = new Map<string, Entry>();
  readonly #max: number;
  #generation = 0;

  constructor(max = VERIFIED_TOKENS_MAX) {
    this.#max = max;
  }

  /** Goes up with each revocation: pass it to `set` from before the verification began. */
  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(token: string, now = Date.now()): DashboardGrant | undefined {
    const entry = this.#entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.#entries.delete(token);
      return undefined;
    }
    return entry.grant;
  }

  /** Keeps a verified token, unless a key was revoked since `generation` was read. */
  set(token: string, kid: string, grant: DashboardGrant, until: number, generation: number): void {
    if (generation !== this.#generation) return;
    if (this.#entries.size >= this.#max) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(token, { grant, kid, until });
  }

  forgetKey(kid: string): void {
    this.#generation++;
    for (const [token, entry] of this.#entries) if (entry.kid === kid) this.#entries.delete(token);
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}
