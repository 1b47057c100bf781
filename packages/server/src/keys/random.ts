import { createHash, randomBytes, randomFillSync } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Random bytes from the system's generator, drawn 4 KiB at a time: a batch of 500 sales needs
 * 500 ids, and one draw serves them all.
 */
const pool = Buffer.allocUnsafe(4096);
let taken = pool.length;

function randomByte(): number {
  if (taken === pool.length) {
    randomFillSync(pool);
    taken = 0;
  }
  return pool[taken++]!;
}

/**
 * A random index below `n` (2 to 256), without modulo bias: a byte at or above the largest
 * multiple of `n` is drawn again.
 */
function randomIndex(n: number): number {
  const limit = 256 - (256 % n);
  for (;;) {
    const byte = randomByte();
    if (byte < limit) return byte % n;
  }
}

/** A random string over `alphabet` (2 to 256 characters), each character drawn alike. */
export function randomString(length: number, alphabet = BASE62): string {
  const n = alphabet.length;
  if (n < 2 || n > 256) throw new RangeError('an alphabet has 2 to 256 characters');
  let out = '';
  while (out.length < length) out += alphabet[randomIndex(n)];
  return out;
}

/** ASCII codes of an id's characters, written here and read out as one string. */
const scratch = Buffer.allocUnsafe(64);
const BASE62_CODES = Buffer.from(BASE62, 'latin1');

/**
 * `randomString(length)` over base62 (length ≤ 64), made as one string: the ids of a batch of
 * 500 sales are made together, and building each character by character made twenty
 * intermediate strings per id.
 */
function randomBase62(length: number): string {
  for (let i = 0; i < length; i++) scratch[i] = BASE62_CODES[randomIndex(62)]!;
  return scratch.toString('latin1', 0, length);
}

/** The last time `timeDigits` wrote, and what: the sales of one batch share their time. */
let lastMs = Number.NaN;
let lastDigits = '';

/** Milliseconds since 1970 in 8 base62 digits, which sort as the times do until the year 8888. */
export function timeDigits(ms: number): string {
  if (ms === lastMs) return lastDigits;
  lastMs = ms;
  for (let i = 7; i >= 0; i--, ms = Math.floor(ms / 62)) scratch[i] = BASE62_CODES[ms % 62]!;
  return (lastDigits = scratch.toString('latin1', 0, 8));
}

/**
 * A new opaque id with a type prefix: `off_` and 20 base62 characters, the time it was made
 * (8) and then random (12, ~71 bits). Ids made later sort after earlier ones, so a table's
 * new rows go to the end of its primary-key index instead of anywhere in it: an insert
 * touches a few index pages, not one per row.
 */
export function newId(prefix: string, now = Date.now()): string {
  return `${prefix}_${timeDigits(now)}${randomBase62(12)}`;
}

/** A new random secret, base64url, of `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 hex of a high-entropy secret: how API keys and link secrets are stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
