const escape = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The brand's partner portal page: its own header and look, with the dashboard embedded. */
export function renderPortal({ apiUrl, memberName, brandName }) {
  const api = escape(apiUrl);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner portal · ${escape(brandName)}</title>
<script type="module" src="${api}/widget/affdash-widget.js"></script>
<style>
  body { margin: 0; font-family: Georgia, "Iowan Old Style", serif; background: #fbf7f2; color: #2b2118; }
  header { display: flex; align-items: center; justify-content: space-between; padding: 18px 32px;
           background: #2b2118; color: #fbf7f2; }
  header strong { font-size: 1.3rem; letter-spacing: .04em; }
  header nav { display: flex; gap: 24px; font: 14px system-ui, sans-serif; }
  header nav a { color: #f1dcc6; text-decoration: none; }
  main { max-width: 1080px; margin: 0 auto; padding: 32px 24px 64px; }
  h1 { font-weight: 400; font-size: 2rem; margin: 0 0 4px; }
  .lede { margin: 0 0 28px; color: #6b5a4a; font: 16px system-ui, sans-serif; }
  /* The brand themes the dashboard through its documented custom properties. */
  affiliate-dashboard {
    --affdash-color-accent: #9a3f1c;
    --affdash-radius: 10px;
    --affdash-color-bg: #fbf7f2;
  }
</style>
</head>
<body>
<header>
  <strong>${escape(brandName)}</strong>
  <nav><a href="/">Partner portal</a><a href="/">Assets</a><a href="/">Help</a><span>Signed in as ${escape(memberName)}</span></nav>
</header>
<main>
  <h1>Welcome back, ${escape(memberName.split(' ')[0])}</h1>
  <p class="lede">Your code, your earnings and your payouts, updated as orders come in.</p>
  <!-- The page is light whatever the reader's system setting: so is the dashboard on it. -->
  <affiliate-dashboard api-base="${api}" theme="light"></affiliate-dashboard>
</main>
<script type="module">
  const el = document.querySelector('affiliate-dashboard');
  // Our backend mints the token; the page never sees the dashboard key.
  el.tokenProvider = async () => {
    const res = await fetch('/api/affdash-token', { method: 'POST' });
    if (!res.ok) throw new Error('could not get a dashboard token');
    return (await res.json()).token;
  };
  el.token = await el.tokenProvider();
</script>
</body>
</html>`;
}
