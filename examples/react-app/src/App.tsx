import { useCallback, useEffect, useState } from 'react';
import { AffiliateDashboard } from '@affdash/widget/react';
import { fetchDashboardSession, type DashboardSession } from './token.js';

export function App() {
  const [session, setSession] = useState<DashboardSession>();
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('Loading your dashboard…');

  useEffect(() => {
    fetchDashboardSession().then(setSession, (e: Error) => setProblem(e.message));
  }, []);

  // Called by the dashboard shortly before the token expires, and once after it has.
  const tokenProvider = useCallback(async () => (await fetchDashboardSession()).token, []);

  return (
    <>
      <header className="bar">
        <strong>Partner hub</strong>
        <span role="status">{status}</span>
      </header>
      <main>
        <h1>Your affiliate dashboard</h1>
        {problem && <p className="problem">{problem}</p>}
        {session && (
          <AffiliateDashboard
            apiBase={session.apiBase}
            token={session.token}
            // The page is light whatever the reader's system setting: so is the dashboard on it.
            theme="light"
            tokenProvider={tokenProvider}
            onLoad={(e) => setStatus(`${e.detail.offer.name} · ${e.detail.enrollment.promoCode}`)}
            onCopy={(e) => setStatus(`Copied your ${e.detail.kind === 'code' ? 'promo code' : 'tracking link'}`)}
            onError={(e) => setStatus(`Could not load: ${e.detail.message}`)}
            onTokenExpired={() => setStatus('Your session ended: reload the page')}
          />
        )}
      </main>
    </>
  );
}
