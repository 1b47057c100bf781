import { describe, expect, it } from 'vitest';
import { contrastRatio } from '@affdash/core';
import type { EmailBrand } from '../src/email/brand.js';
import { emailColors, tintOf } from '../src/email/colors.js';
import { fontStack, renderMessage, type MessageInput } from '../src/email/render.js';

const brand: EmailBrand = {
  id: 'brd_1',
  displayName: 'Glow & Co.',
  logoUrl: null,
  accentColor: '#0b6e4f',
  accentTextColor: '#ffffff',
  fontFamily: null,
  theme: 'light',
  defaultLocale: 'en',
  emailSenderName: 'Glow Partners',
  replyTo: 'partners@glow.example',
  postalAddress: '548 Market Street\nSan Francisco',
};
const DASHBOARD = 'https://affdash.test/d/SECRETsecretSECRETsecret0123456789';
const values = {
  member_name: 'Maya Lopez',
  first_name: 'Maya',
  offer_name: 'Summer Glow',
  brand_name: 'Glow & Co.',
  promo_code: 'GLOW-MAYA-1234',
  tracking_link: 'https://affdash.test/t/abc123',
  dashboard_link: DASHBOARD,
};
const input = (over: Partial<MessageInput> = {}): MessageInput => ({
  kind: 'tracking_items',
  brand,
  locale: null,
  values,
  template: { subject: null, body: null },
  unsubscribeUrl: null,
  ...over,
});
/** What a reader sees: the HTML without tags, comments, styles and the hidden preheader. */
const visible = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ');

describe('member email rendering', () => {
  it('lays out 600 px tables with a preheader, the brand header, the code set apart and a button to the dashboard', async () => {
    const m = await renderMessage(input());
    expect(m.subject).toBe('Your Summer Glow code and links from Glow & Co.');
    expect(m.html).toMatch(/^<!doctype html>/i);
    expect(m.html).toContain('max-width:600px');
    expect(m.html).toMatch(/<table[^>]*role="presentation"/);
    expect(m.html).toContain('<meta name="color-scheme" content="light only"');
    expect(m.html).toContain('Your promo code GLOW-MAYA-1234, your tracking link and your dashboard for Summer Glow.');
    expect(m.html).toMatch(/display:none[^>]*>\s*Your promo code GLOW-MAYA-1234/);
    // the header names the brand in the accent (it reads on white)
    expect(m.html).toMatch(/color:#0b6e4f[^>]*>Glow &amp; Co\.<\/div>/);
    // the button: an anchor to the dashboard that reads as words, on the accent
    const button = /<a\s+href="([^"]+)"[^>]*background:#0b6e4f[^>]*color:#ffffff[^>]*>\s*Open your dashboard\s*<\/a>/.exec(m.html);
    expect(button?.[1]).toBe(DASHBOARD);
    // the secret URL is never visible text, only an href
    expect(visible(m.html)).not.toContain(DASHBOARD);
    expect(visible(m.html)).not.toContain('/d/');
    expect(visible(m.html)).toContain('GLOW-MAYA-1234');
    expect(m.html).toContain('href="https://affdash.test/t/abc123"');
    expect(visible(m.html)).toContain('https://affdash.test/t/abc123');
    expect(m.html).not.toMatch(/%%[A-Z_]+%%/);
    expect(m.html).not.toMatch(/#0a0b0c|#0d0e0f|#0a0b0d/);
    // transactional: why the member gets it, no unsubscribe
    expect(visible(m.html)).toContain('You get this email because Glow &amp; Co. added you to Summer Glow.');
    expect(m.html).toContain('548 Market Street<br>San Francisco');
    expect(m.headers).toEqual({});
    expect(m.from).toEqual({ name: 'Glow Partners' });
    expect(m.replyTo).toBe('partners@glow.example');
  });

  it('writes a plain-text part that reads well: the text, the code, both links, why, the address', async () => {
    const m = await renderMessage(input());
    expect(m.text).toBe(`Hi Maya,

Thanks for promoting Summer Glow! Below are your personal promo code and tracking link: share them, and every sale they bring in counts for you.

Your dashboard shows the sales you drove, the commission you can expect and what we have paid you.

Your promo code: GLOW-MAYA-1234
Your tracking link: https://affdash.test/t/abc123

Open your dashboard: ${DASHBOARD}
Your dashboard link is personal: please keep it to yourself.

-- 
You get this email because Glow & Co. added you to Summer Glow. It has the code and links you need to take part.
548 Market Street
San Francisco
`);
    expect(m.text).not.toMatch(/<[a-z]/i);
  });

  it('escapes hostile names and text everywhere in the HTML, and keeps them as they are in the text', async () => {
    const evil = '<script>alert(1)</script>"\'';
    const m = await renderMessage(
      input({
        kind: 'members_message',
        brand: { ...brand, displayName: evil, postalAddress: '<img src=x onerror=alert(1)>' },
        values: { ...values, member_name: evil, first_name: evil, offer_name: evil, brand_name: evil },
        template: { subject: 'News for {{member_name}}', body: 'Hi {{first_name}},\n\n<b>bold</b> {{offer_name}}' },
        unsubscribeUrl: 'https://affdash.test/u/tok',
      }),
    );
    expect(m.html).not.toMatch(/<script|<img src=x|<b>bold/i);
    expect(m.html).toContain('Hi &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;,');
    expect(m.html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(m.html).toContain('<title>News for &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;</title>');
    expect(m.text).toContain(`Hi ${evil},`);
    expect(m.subject).toBe(`News for ${evil}`);
  });

  it('bulk mail carries an unsubscribe link and the RFC 8058 headers; its preheader is the first line of the text', async () => {
    const m = await renderMessage(
      input({
        kind: 'members_message',
        template: { subject: null, body: 'Hi {{first_name}},\n\nDouble commission this week.\n\nSee you' },
        unsubscribeUrl: 'https://affdash.test/u/tok',
      }),
    );
    expect(m.headers).toEqual({
      'List-Unsubscribe': '<https://affdash.test/u/tok>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(m.html).toMatch(/<a\s+href="https:\/\/affdash.test\/u\/tok"[^>]*>Unsubscribe<\/a>/);
    expect(m.text).toContain('Unsubscribe: https://affdash.test/u/tok');
    expect(m.text).toContain('Glow & Co. sends you this email because you are a member of Summer Glow.');
    expect(m.preheader).toBe('Double commission this week.');
  });

  it('writes the default in the member’s language, else the brand’s; greets by first name', async () => {
    const de = await renderMessage(input({ locale: 'de-AT' }));
    expect(de.language).toBe('de');
    expect(de.subject).toBe('Dein Code und deine Links für Summer Glow von Glow & Co.');
    expect(de.text.startsWith('Hallo Maya,\n\n')).toBe(true);
    expect(de.html).toContain('lang="de"');
    expect(de.html).toContain('Dashboard öffnen');
    expect(de.html).toContain('Dein Gutscheincode');
    const brandDefault = await renderMessage(input({ brand: { ...brand, defaultLocale: 'fr' } }));
    expect(brandDefault.subject).toBe('Votre code et vos liens Summer Glow de Glow & Co.');
    // the brand's own template stays as written; the frame around it is in the member's language
    const own = await renderMessage(input({ locale: 'es', template: { subject: 'Hey {{first_name}}', body: 'Text' } }));
    expect(own.subject).toBe('Hey Maya');
    expect(own.text).toContain('Tu código promocional: GLOW-MAYA-1234');
  });

  it('shows the logo when the brand has one, and marks a test', async () => {
    const m = await renderMessage(input({ brand: { ...brand, logoUrl: 'https://cdn.glow.example/logo.png?a=1&b=2' }, test: true }));
    expect(m.html).toContain('<img src="https://cdn.glow.example/logo.png?a=1&amp;b=2" alt="Glow &amp; Co."');
    expect(m.subject).toBe('[Test] Your Summer Glow code and links from Glow & Co.');
    expect(m.text.startsWith('Test email:')).toBe(true);
    expect(visible(m.html)).toContain('Test email:');
  });

  /** Each inline `font-family` of the HTML, as the mail client reads it. */
  const fonts = (html: string) =>
    [...html.replace(/&#39;/g, "'").matchAll(/style="[^"]*?font-family:([^;"]+)/g)].map((f) => f[1]!.trim());

  it("applies the brand's theme everywhere in both emails: its font, its accent and the text colour on it", async () => {
    const themed: EmailBrand = { ...brand, fontFamily: '"Inter", system-ui', accentColor: '#7c3aed', accentTextColor: '#ffffff' };
    for (const kind of ['tracking_items', 'members_message'] as const) {
      const m = await renderMessage(
        input({ kind, brand: themed, unsubscribeUrl: kind === 'members_message' ? 'https://affdash.test/u/x.y' : null }),
      );
      // every text and the button in the brand's font; only the code in monospace
      const own = fonts(m.html).filter((f) => !f.includes('monospace'));
      expect(own.length, kind).toBeGreaterThanOrEqual(8);
      for (const f of own) expect(f, kind).toMatch(/^'Inter', system-ui, -apple-system, /);
      expect(fonts(m.html).filter((f) => f.includes('monospace')), kind).toHaveLength(1);
      // Outlook drops a stack whose first font it lacks (to Times): it reads Arial instead
      expect(m.html).toContain('<!--[if mso]><style>body, table, td, div, p, a { font-family: Arial, Helvetica, sans-serif !important; }</style><![endif]-->');
      // the header: the accent's rule above the card, the brand's name in the accent (it reads on white)
      expect(m.html).toContain('border-top:4px solid #7c3aed');
      expect(m.html).toMatch(/color:#7c3aed;"\s*>Glow &amp; Co\.<\/div>/);
      // the button: on the accent, in the text colour on it, in the brand's font
      expect(m.html).toMatch(/<a\s+href="[^"]+"[^>]*style="[^"]*background:#7c3aed;color:#ffffff;font-family:&#39;Inter&#39;, system-ui/);
      // the code box: a dashed accent border on the accent's tint, the code in the accent
      expect(m.html).toContain(`background-color:${tintOf('#7c3aed')};border:2px dashed #7c3aed`);
      expect(m.html).toMatch(/font-family:Menlo[^"]*color:#7c3aed;"\s*>GLOW-MAYA-1234<\/div>/);
      // links in the accent
      expect(m.html).toMatch(/<a href="https:\/\/affdash\.test\/t\/abc123" style="color:#7c3aed;/);
    }
  });

  it('a light accent keeps its computed dark text on the button, and the name, code and links in ink', async () => {
    const light: EmailBrand = { ...brand, accentColor: '#ffd84d', accentTextColor: null };
    const m = await renderMessage(input({ brand: light }));
    expect(m.html).toMatch(/<a\s+href="[^"]+"[^>]*style="[^"]*background:#ffd84d;color:#000000;/);
    expect(m.html).toContain(`background-color:${tintOf('#ffd84d')};border:2px dashed #ffd84d`);
    expect(m.html).toMatch(/font-family:Menlo[^"]*color:#1f2328;"\s*>GLOW-MAYA-1234<\/div>/);
    expect(m.html).toMatch(/color:#1f2328;"\s*>Glow &amp; Co\.<\/div>/);
    expect(m.html).not.toMatch(/color:#ffd84d/);
  });

  it('keeps text readable on the accent and links readable on white', () => {
    const light = emailColors('#ffd84d', null);
    expect(contrastRatio(light.accent, light.onAccent)).toBeGreaterThanOrEqual(4.5);
    expect(light.ink).toBe('#1f2328');
    const dark = emailColors('#0b6e4f', '#0b6e4f');
    expect(dark.onAccent).toBe('#ffffff');
    expect(dark.ink).toBe('#0b6e4f');
    expect(emailColors(null, null)).toEqual({ accent: '#1f2328', onAccent: '#ffffff', ink: '#1f2328', tint: tintOf('#1f2328') });
    expect(tintOf('#7c3aed')).toBe('#f5effe');
    expect(tintOf('#000000', 0.5)).toBe('#808080');
    for (const accent of ['#ffd84d', '#0b6e4f', '#7c3aed', '#1f2328', '#e11d48']) {
      const c = emailColors(accent, null);
      expect(contrastRatio(c.ink, c.tint), accent).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(c.ink, '#ffffff'), accent).toBeGreaterThanOrEqual(4.5);
    }
    expect(fontStack('Inter; } body { x')).toMatch(/^Inter  body  x, -apple-system/);
    expect(fontStack('"Open Sans"')).toMatch(/^'Open Sans', /);
  });
});
