import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, decimal } from '../src/dashboard/csv.js';
import { backends } from './backends.js';
import { expectError, useApp } from './harness.js';

/** Parses RFC 4180 text (quoted fields, doubled quotes, CRLF) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

describe('CSV cells', () => {
  it('quote by RFC 4180 only when needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', null, { number: '1.00' }])).toBe('a,,1.00\r\n');
  });
  it('guard text that starts like a formula, not numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell({ number: '-2.50' })).toBe('-2.50');
  });
  it('write money in the currency’s digits', () => {
    expect(decimal(123_456, 'USD')).toEqual({ number: '1234.56' });
    expect(decimal(5, 'USD')).toEqual({ number: '0.05' });
    expect(decimal(0, 'EUR')).toEqual({ number: '0.00' });
    expect(decimal(-250, 'USD')).toEqual({ number: '-2.50' });
    expect(decimal(500, 'JPY')).toEqual({ number: '500' });
    expect(decimal(1_234, 'KWD')).toEqual({ number: '1.234' });
  });
});

describe.each(backends())('exports and statements on $name', (backend) => {
  const t = useApp(backend);

  it('conversions.csv streams every conversion with quoting and the formula guard', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const ids: string[] = [];
    const evil = await brand.convert({ orderId: 'ORD-=cmd|x', amount: 12_345, enrollmentId: enrollment.id, occurredAt: '2026-01-02T03:04:05Z' });
    ids.push(evil.body.id);
    const rejected = await brand.convert({ orderId: 'ORD-2', amount: 100, enrollmentId: enrollment.id, occurredAt: '2026-01-03T00:00:00Z' });
    await brand.ok('PATCH', `/v1/conversions/${rejected.body.id}`, { status: 'rejected', reason: '=1+1, "really"' }, 200);
    const token = await brand.token(enrollment.id);

    const answer = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/conversions.csv`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="conversions-${enrollment.id}.csv"`);
    const rows = parseCsv(answer.text);
    expect(rows[0]).toEqual(['id', 'order_ref', 'status', 'occurred_at', 'expected_approval_at', 'sale', 'commission', 'currency', 'status_reason']);
    expect(rows.slice(1)).toEqual([
      [rejected.body.id, '•••RD-2', 'rejected', '2026-01-03T00:00:00.000Z', '', '1.00', '0.10', 'USD', `'=1+1, "really"`],
      [evil.body.id, '•••md|x', 'pending', '2026-01-02T03:04:05.000Z', '2026-02-01T03:04:05.000Z', '123.45', '12.35', 'USD', ''],
    ]);
    const pending = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/conversions.csv?status=pending`);
    expect(parseCsv(pending.text)).toHaveLength(2);
    expectError(await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/conversions.csv?from=soon`), 400, 'validation_failed');
  });

  it('streams past one page', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const batch = Array.from({ length: 520 }, (_, i) => ({ orderId: `B-${i}`, amount: 100 + i, enrollmentId: enrollment.id }));
    const results = await Promise.all(Array.from({ length: 8 }, (_, w) => (async () => {
      for (let i = w; i < batch.length; i += 8) expect((await brand.convert(batch[i]!)).status).toBe(201);
    })()));
    expect(results).toHaveLength(8);
    const token = await brand.token(enrollment.id);
    const answer = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/conversions.csv`);
    const rows = parseCsv(answer.text).slice(1);
    expect(rows).toHaveLength(520);
    expect(new Set(rows.map((r) => r[0])).size).toBe(520);
  });

  it('payments.csv and a token only in the header', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    await brand.ok('POST', '/v1/payments', {
      enrollmentId: enrollment.id, amount: 2_500, currency: 'USD', method: 'paypal', reference: '+PP,1', paidAt: '2026-02-01T10:00:00Z',
    }, 201);
    const token = await brand.token(enrollment.id);
    const answer = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/payments.csv`);
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="payments-${enrollment.id}.csv"`);
    const rows = parseCsv(answer.text);
    expect(rows[0]).toEqual(['id', 'paid_at', 'amount', 'currency', 'method', 'reference']);
    expect(rows[1]!.slice(1)).toEqual(['2026-02-01T10:00:00.000Z', '25.00', 'USD', 'paypal', `'+PP,1`]);
    const inUrl = await t.dashboard('', `/v1/dashboard/enrollments/${enrollment.id}/payments.csv?token=${token}`);
    expectError(inUrl, 401, 'unauthorized');
  });

  it('a monthly statement adds up, as JSON and CSV', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const conv = async (orderId: string, amount: number, occurredAt: string, ...statuses: string[]) => {
      const c = await brand.convert({ orderId, amount, enrollmentId: enrollment.id, occurredAt });
      for (const status of statuses) {
        await brand.ok('PATCH', `/v1/conversions/${c.body.id}`, { status, reason: 'Refunded' }, 200);
      }
    };
    const pay = (amount: number, paidAt: string) =>
      brand.ok('POST', '/v1/payments', { enrollmentId: enrollment.id, amount, currency: 'USD', method: 'wire', paidAt }, 201);
    await conv('F-1', 100_000, '2026-02-10T00:00:00Z', 'approved'); // 10 000
    await conv('F-2', 50_000, '2026-02-28T23:59:59Z', 'approved'); // 5 000
    await pay(4_000, '2026-02-20T00:00:00Z');
    await conv('M-1', 30_000, '2026-03-01T00:00:00Z', 'approved'); // 3 000
    await conv('M-2', 20_000, '2026-03-15T00:00:00Z', 'approved', 'reversed'); // 2 000 reversed
    await conv('M-3', 90_000, '2026-03-20T00:00:00Z'); // pending: not in the balance
    await conv('M-4', 10_000, '2026-03-21T00:00:00Z', 'rejected'); // never counts
    await pay(6_000, '2026-03-31T23:00:00Z');
    await conv('A-1', 70_000, '2026-04-01T00:00:00Z', 'approved'); // next month
    const token = await brand.token(enrollment.id);
    const usd = (amount: number) => ({ amount, currency: 'USD' });

    const march = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/statements/2026-03`);
    expect(march.status).toBe(200);
    expect(march.body).toEqual({
      month: '2026-03',
      currency: 'USD',
      openingBalance: usd(11_000),
      approved: usd(5_000),
      reversed: usd(2_000),
      payments: usd(6_000),
      closingBalance: usd(8_000),
    });
    const april = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/statements/2026-04`);
    expect(april.body.openingBalance).toEqual(march.body.closingBalance);
    const first = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}`);
    expect(april.body.closingBalance).toEqual(first.body.totals.balance);

    const csv = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/statements/2026-03.csv`);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="statement-${enrollment.id}-2026-03.csv"`);
    expect(parseCsv(csv.text)).toEqual([
      ['month', 'currency', 'opening_balance', 'approved', 'reversed', 'payments', 'closing_balance'],
      ['2026-03', 'USD', '110.00', '50.00', '20.00', '60.00', '80.00'],
    ]);
    for (const bad of ['2026-13', '2026-3', 'march', '2026-03.json']) {
      expectError(await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/statements/${bad}`), 400, 'validation_failed');
    }
  });

  it('conversion lists filter by a range of days, for the member and the brand', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    for (const [orderId, at] of [['D-1', '2026-05-01T00:00:00Z'], ['D-2', '2026-05-02T23:59:59.999Z'], ['D-3', '2026-05-03T00:00:00Z']]) {
      await brand.convert({ orderId, amount: 1_000, enrollmentId: enrollment.id, occurredAt: at });
    }
    const token = await brand.token(enrollment.id);
    const member = await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}/conversions?from=2026-05-02&to=2026-05-02`);
    expect(member.body.data).toHaveLength(1);
    const brandList = await brand.ok('GET', '/v1/conversions?from=2026-05-02', undefined, 200);
    expect(brandList.data.map((c: { orderId: string }) => c.orderId)).toEqual(['D-3', 'D-2']);
    const upTo = await brand.ok('GET', `/v1/conversions?to=2026-05-01&status=pending&enrollmentId=${enrollment.id}`, undefined, 200);
    expect(upTo.data.map((c: { orderId: string }) => c.orderId)).toEqual(['D-1']);
    expectError(await brand.call('GET', '/v1/conversions?from=2026-05-32'), 400, 'validation_failed');
  });
});
