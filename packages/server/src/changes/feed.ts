import type { Database } from '../db/index.js';

/** What a change message says, by its first word: `<kind> <arg> <arg>…`. */
export const ChangeKind = {
  /** `version <enrollment id> <version>`: an enrollment's dashboard changed. */
  version: 'version',
  /** `key <kid>`: a dashboard key was revoked. */
  key: 'key',
  /** `link <slug>`: what a tracking link leads to changed (`link *`: any of them). */
  link: 'link',
  /** `apikey <api key id>`: an API key was revoked, changed or deleted. */
  apiKey: 'apikey',
} as const;
export type ChangeKind = (typeof ChangeKind)[keyof typeof ChangeKind];

type Handler = (args: string[]) => void;

/**
 * The changes every process must hear about to keep its caches right: NOTIFY on the schema's
 * channel (on PGlite, within the one process that owns the data folder). While the feed is
 * not live (before it listens, or after its connection was lost) caches must not answer, and
 * each time it becomes live or is lost they are emptied, since messages may have been missed.
 */
export class ChangeFeed {
  #live = false;
  readonly #handlers = new Map<string, Set<Handler>>();
  readonly #resets = new Set<() => void>();

  constructor(db: Database) {
    db.listen({
      onMessage: (payload) => this.deliver(payload),
      onReady: () => {
        this.#reset();
        this.#live = true;
      },
      onLost: () => {
        this.#live = false;
        this.#reset();
      },
    });
  }

  /** True while every change is being heard: caches may answer. */
  get live(): boolean {
    return this.#live;
  }

  on(kind: ChangeKind, handler: Handler): void {
    let set = this.#handlers.get(kind);
    if (!set) this.#handlers.set(kind, (set = new Set()));
    set.add(handler);
  }

  /** Runs whenever the caches must start over. */
  onReset(handler: () => void): void {
    this.#resets.add(handler);
  }

  /** Hands a message to this process's handlers (as NOTIFY does, but now). */
  deliver(payload: string): void {
    const [kind = '', ...args] = payload.split(' ');
    for (const handler of this.#handlers.get(kind) ?? []) handler(args);
  }

  #reset(): void {
    for (const reset of this.#resets) reset();
  }
}

/** A change message, for `notifyChange`. */
export function changeMessage(kind: ChangeKind, ...args: Array<string | number>): string {
  return [kind, ...args].join(' ');
}
