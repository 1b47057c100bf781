import { minorUnitDigits } from '@affdash/core';

/** A CSV cell: text (guarded and quoted as needed), a number we formatted, or empty. */
export type Cell = string | null | { number: string };

/** Text a spreadsheet would run as a formula: starts with = + - @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell in RFC 4180 form. Text starting like a formula gets a leading `'` so spreadsheet
 * programs show it instead of running it (CSV injection); numbers we produce are left alone.
 */
export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  let text = typeof cell === 'string' ? cell : cell.number;
  if (typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Minor units as a decimal in the currency's digits: 123456 USD → `1234.56`, 500 JPY → `500`. */
export function decimal(amount: number, currency: string): { number: string } {
  const digits = minorUnitDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount).toString().padStart(digits + 1, '0');
  if (digits === 0) return { number: `${sign}${abs}` };
  return { number: `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}` };
}

/**
 * A CSV body streamed page by page: `header`, then the rows of each page `next` returns
 * until it returns null.
 */
export function csvStream(
  header: readonly string[],
  next: () => Promise<string[] | null>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRow(header)));
        return;
      }
      const rows = await next();
      if (rows === null) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(rows.join('')));
    },
  });
}
