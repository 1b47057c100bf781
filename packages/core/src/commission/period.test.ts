import { describe, expect, it } from 'vitest';
import { periodEnd, periodStart } from './period.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('periodStart and periodEnd', () => {
  it('months are calendar months in UTC', () => {
    const at = new Date('2026-03-15T12:34:56Z');
    expect(iso(periodStart('month', at))).toBe('2026-03-01T00:00:00.000Z');
    expect(iso(periodEnd('month', at))).toBe('2026-04-01T00:00:00.000Z');
  });

  it('the first and last instants of a month belong to it', () => {
    expect(iso(periodStart('month', new Date('2026-03-01T00:00:00.000Z')))).toBe('2026-03-01T00:00:00.000Z');
    expect(iso(periodStart('month', new Date('2026-03-31T23:59:59.999Z')))).toBe('2026-03-01T00:00:00.000Z');
    expect(iso(periodStart('month', new Date('2026-02-28T23:59:59.999Z')))).toBe('2026-02-01T00:00:00.000Z');
  });

  it('uses UTC, not the local time of an offset', () => {
    // 1 April 00:30 in Paris is still 31 March in UTC.
    expect(iso(periodStart('month', new Date('2026-04-01T00:30:00+02:00')))).toBe('2026-03-01T00:00:00.000Z');
  });

  it('December rolls over into January of the next year', () => {
    const at = new Date('2026-12-31T23:59:59.999Z');
    expect(iso(periodStart('month', at))).toBe('2026-12-01T00:00:00.000Z');
    expect(iso(periodEnd('month', at))).toBe('2027-01-01T00:00:00.000Z');
    expect(iso(periodEnd('quarter', at))).toBe('2027-01-01T00:00:00.000Z');
    expect(iso(periodEnd('year', at))).toBe('2027-01-01T00:00:00.000Z');
    expect(iso(periodStart('month', new Date('2027-01-01T00:00:00.000Z')))).toBe('2027-01-01T00:00:00.000Z');
  });

  it.each([
    ['2026-01-01T00:00:00Z', '2026-01-01', '2026-04-01'],
    ['2026-03-31T23:59:59Z', '2026-01-01', '2026-04-01'],
    ['2026-04-01T00:00:00Z', '2026-04-01', '2026-07-01'],
    ['2026-08-15T00:00:00Z', '2026-07-01', '2026-10-01'],
    ['2026-11-30T00:00:00Z', '2026-10-01', '2027-01-01'],
  ])('the quarter of %s is [%s, %s)', (at, start, end) => {
    expect(iso(periodStart('quarter', new Date(at)))).toBe(`${start}T00:00:00.000Z`);
    expect(iso(periodEnd('quarter', new Date(at)))).toBe(`${end}T00:00:00.000Z`);
  });

  it('years and leap days', () => {
    const at = new Date('2028-02-29T10:00:00Z');
    expect(iso(periodStart('year', at))).toBe('2028-01-01T00:00:00.000Z');
    expect(iso(periodEnd('year', at))).toBe('2029-01-01T00:00:00.000Z');
    expect(iso(periodEnd('month', at))).toBe('2028-03-01T00:00:00.000Z');
  });

  it('lifetime has no bounds', () => {
    expect(periodStart('lifetime', new Date())).toBeNull();
    expect(periodEnd('lifetime', new Date())).toBeNull();
  });
});
