/** What the brand backend's token route answers (see ../../brand-site/server.mjs). */
export interface DashboardSession {
  token: string;
  expiresAt: string;
  /** Where the affdash API lives. */
  apiBase: string;
}

/**
 * Asks our own backend for a dashboard token for the signed-in member. The backend mints it
 * offline with the brand's dashboard key; the browser never sees the key.
 */
export async function fetchDashboardSession(): Promise<DashboardSession> {
  const res = await fetch('/api/affdash-token', { method: 'POST' });
  if (!res.ok) throw new Error(`could not get a dashboard token (${res.status})`);
  return res.json();
}
