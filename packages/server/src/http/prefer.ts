/**
 * The preferences of a `Prefer` header (RFC 7240): `return=minimal, respond-async` as
 * `{ return: 'minimal', 'respond-async': '' }`. Names are case-insensitive, values may be
 * quoted, parameters after `;` are ignored, and the first of a repeated name wins.
 */
export function parsePrefer(header: string | undefined): Record<string, string> {
  const preferences: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const [preference = ''] = part.split(';');
    const eq = preference.indexOf('=');
    const name = (eq < 0 ? preference : preference.slice(0, eq)).trim().toLowerCase();
    if (!name || name in preferences) continue;
    const value = eq < 0 ? '' : preference.slice(eq + 1).trim();
    preferences[name] = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return preferences;
}
