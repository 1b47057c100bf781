/** One person to add to an offer, read from pasted text or a CSV file. */
export interface PersonRow {
  name: string;
  email?: string;
  externalId?: string;
  promoCode?: string;
}

/** Splits one CSV line (RFC 4180 quotes; `,` `;` or tab as separator). */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) out.push(cell.trim()), (cell = '');
    else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

const HEADER: Record<string, keyof PersonRow> = {
  name: 'name',
  email: 'email',
  externalid: 'externalId',
  external_id: 'externalId',
  promocode: 'promoCode',
  promo_code: 'promoCode',
};

/**
 * People from CSV text: with a header line naming `name`, `email`, `externalId`, `promoCode`
 * (any order), or without one as `name, email` per line. Blank lines are skipped.
 */
export function parsePeople(text: string): PersonRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (!lines.length) return [];
  const first = lines[0]!;
  const separator = first.includes('\t') ? '\t' : first.includes(';') && !first.includes(',') ? ';' : ',';
  const head = cells(first, separator).map((c) => HEADER[c.toLowerCase().replace(/\s+/g, '')]);
  const hasHeader = head.includes('name');
  const columns: (keyof PersonRow | undefined)[] = hasHeader ? head : ['name', 'email', 'externalId', 'promoCode'];
  return (hasHeader ? lines.slice(1) : lines).map((line) => {
    const row: PersonRow = { name: '' };
    cells(line, separator).forEach((value, i) => {
      const key = columns[i];
      if (key && value) row[key] = value;
    });
    return row;
  });
}

/** One CSV line (RFC 4180), quoting where needed. */
export function csvLine(values: string[]): string {
  return values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
}
