import { expect } from 'vitest';
import type { BrandClient } from './harness.js';

/** Follows `nextCursor` to the end and returns every page's ids, asserting page sizes. */
export async function collectPages(
  get: (query: string) => Promise<{ status: number; body: any }>,
  limit: number,
): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = await get(query);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    pages.push(answer.body.data.map((item: { id: string }) => item.id));
    cursor = answer.body.nextCursor;
    if (cursor) expect(answer.body.data).toHaveLength(limit);
    if (pages.length > 100) throw new Error('pagination does not end');
  } while (cursor);
  return pages;
}

export function brandPages(brand: BrandClient, path: string, limit: number, extra = '') {
  return collectPages((q) => brand.call('GET', `${path}?${q}${extra}`), limit);
}
