/** A background job polling in this process. */
export interface Poller<Arg, Result> {
  /** Runs one round now; waits for a round already running first. */
  runOnce(arg?: Arg): Promise<Result>;
  /** Stops polling and waits for the round in progress. */
  stop(): Promise<void>;
}

export interface PollerOptions {
  /** The pause between the end of one round and the start of the next. */
  intervalMs: number;
  /** Told of a round that threw; polling goes on. */
  onError: (error: unknown) => void;
}

/**
 * Runs `round` at once, then again `intervalMs` after each round ends: one round at a time per
 * process (several processes share work through `FOR UPDATE SKIP LOCKED` in the rounds). The
 * timer never keeps the process alive.
 *
 * @example
 * const approval = startPoller((now?: Date) => approveDue(db, now ?? new Date()), {
 *   intervalMs: 60_000,
 *   onError: (e) => console.error('[auto-approval]', e),
 * });
 */
export function startPoller<Arg, Result>(
  round: (arg?: Arg) => Promise<Result>,
  { intervalMs, onError }: PollerOptions,
): Poller<Arg, Result> {
  let running: Promise<Result> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const runOnce = async (arg?: Arg): Promise<Result> => {
    while (running) await running.catch(() => {});
    running = round(arg);
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };
  const tick = () => {
    timer = undefined;
    runOnce()
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  timer = setTimeout(tick, 0).unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
