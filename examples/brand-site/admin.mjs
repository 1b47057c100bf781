const escape = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * The brand's own admin page: its header and look, with the affdash members table of an offer
 * embedded (`<affdash-offer-members>` from `@affdash/widget/brand`). The component asks the
 * brand's backend for a short-lived client secret; the API key never reaches the page.
 */
export function renderAdmin({ apiUrl, brandName, offerId, staffName }) {
  const api = escape(apiUrl);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Admin · ${escape(brandName)}</title>
<script type="module" src="${api}/widget/affdash-brand.js"></script>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; background: #fbf7f2; color: #2b2118; }
  header { display: flex; align-items: center; justify-content: space-between; padding: 18px 32px;
           background: #2b2118; color: #fbf7f2; }
  header strong { font: 1.3rem Georgia, serif; letter-spacing: .04em; }
  header nav { display: flex; gap: 24px; font-size: 14px; }
  header nav a { color: #f1dcc6; text-decoration: none; }
  main { max-width: 1200px; margin: 0 auto; padding: 32px 24px 64px; }
  h1 { font: 400 2rem Georgia, serif; margin: 0 0 4px; }
  .lede { margin: 0 0 28px; color: #6b5a4a; }
  affdash-offer-members { --affdash-color-accent: #9a3f1c; --affdash-radius: 10px; --affdash-color-bg: #fff; }
</style>
</head>
<body>
<header>
  <strong>${escape(brandName)} admin</strong>
  <nav><a href="/">Partner portal</a><a href="/admin">Affiliates</a><span>Signed in as ${escape(staffName)}</span></nav>
</header>
<main>
  <h1>Affiliates</h1>
  <p class="lede">Send members their code, tracking link and dashboard link, or write to everyone in the offer.</p>
  <affdash-offer-members api-base="${api}" offer="${escape(offerId)}"></affdash-offer-members>
</main>
<script type="module">
  // Our backend mints the client secret for the signed-in admin, with our API key.
  document.querySelector('affdash-offer-members').fetchClientSecret = async () => {
    const res = await fetch('/api/affdash-client-secret', { method: 'POST' });
    if (!res.ok) throw new Error('could not get a client secret');
    return res.json();
  };
</script>
</body>
</html>`;
}
