import { describe, expect, it } from 'vitest';
import { newId, randomString } from '../src/keys/random.js';

describe('newId', () => {
  it('is the prefix and 20 base62 characters', () => {
    expect(newId('cnv')).toMatch(/^cnv_[0-9A-Za-z]{20}$/);
  });

  it('sorts by the time it was made, byte by byte as PostgreSQL\'s C collation does', () => {
    const times = [0, 61, 62, 1_000, Date.UTC(2026, 10, 30), Date.UTC(2026, 10, 30) + 1, Date.UTC(3000, 0, 1)];
    const ids = times.map((t) => newId('x', t));
    const sorted = [...ids].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(sorted).toEqual(ids);
    expect(newId('x', 0).slice(2, 10)).toBe('00000000');
  });

  it('differs between ids made in the same millisecond', () => {
    const now = Date.now();
    const ids = new Set(Array.from({ length: 10_000 }, () => newId('x', now)));
    expect(ids.size).toBe(10_000);
    for (const id of ids) expect(id.slice(0, 10)).toBe(newId('x', now).slice(0, 10));
  });
});

describe('randomString', () => {
  it('uses every character of the alphabet and nothing else', () => {
    const seen = new Set(randomString(5_000, 'abc'));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
  });
});
