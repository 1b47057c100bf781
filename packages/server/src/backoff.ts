/**
 * The delay before attempt `attempts + 1` of an outbox delivery (email, webhooks):
 * exponential from `base` seconds, capped at `cap`, with ±20 % jitter so that retries of
 * many messages that failed together do not all come back at once.
 */
export function backoffSeconds(attempts: number, base = 30, cap = 3600): number {
  const delay = Math.min(cap, base * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay * (0.8 + Math.random() * 0.4));
}
