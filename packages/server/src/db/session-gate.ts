/**
 * One PGlite is one PostgreSQL session. The owner's own queries and the clients on its
 * socket take turns through this gate: a turn lasts a whole query (or transaction) of the
 * owner, or a client's messages until its session is idle again, so nobody's statement
 * lands inside someone else's transaction or half-sent extended query.
 */
export class SessionGate {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the turn; the returned function ends it. */
  acquire(): Promise<() => void> {
    const previous = this.#tail;
    let release!: () => void;
    const turn = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.#tail = previous.then(() => turn);
    return previous.then(() => release);
  }

  /** Runs `fn` in a turn of its own. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
