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

  it('draws its random part from all of base62, alike', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) for (const char of newId('x').slice(10)) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 240 000 characters: 3 871 each on average; a bias of modulo 62 would give the first 8 about 4 690 each
    const [min, max] = [Math.min(...counts.values()), Math.max(...counts.values())];
    expect(min).toBeGreaterThan(3_500);
    expect(max).toBeLessThan(4_300);
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

  it('draws every character alike, with no modulo bias', () => {
    // 256 % 200 = 56: a byte taken modulo 200 would draw the first 56 characters twice as often
    const alphabet = Array.from({ length: 200 }, (_, i) => String.fromCharCode(0x100 + i)).join('');
    const counts = new Array<number>(200).fill(0);
    for (const char of randomString(400_000, alphabet)) counts[char.charCodeAt(0) - 0x100]!++;
    const mean = (part: number[]) => part.reduce((a, b) => a + b, 0) / part.length;
    const ratio = mean(counts.slice(0, 56)) / mean(counts.slice(56));
    expect(ratio).toBeGreaterThan(0.95);
    expect(ratio).toBeLessThan(1.05);
  });

  it('refuses an alphabet it cannot draw from fairly', () => {
    expect(() => randomString(4, 'a')).toThrow(RangeError);
    expect(() => randomString(4, 'x'.repeat(257))).toThrow(RangeError);
  });
});
