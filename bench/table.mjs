/** Plain-text table; columns in `left` are left-aligned, the others right-aligned. */
export function table(headers, rows, left = [0]) {
  const all = [headers, ...rows].map((r) => r.map(String));
  const widths = headers.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) =>
    '   ' + r.map((cell, i) => (left.includes(i) ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(all[0]), '   ' + widths.map((w) => '─'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
export const fixed = (n, digits) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
export const bytes = (n) => `${int(n)} B`;
