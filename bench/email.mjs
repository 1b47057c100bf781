// Member email rendering: the MJML layout's compile on first use (once per process and
// layout shape) and the cost of each message after it (filling the compiled layout with one
// member's escaped values, the text part and the headers). Run after `npm run build`:
//
//   node bench/email.mjs   (BENCH_EMAILS: messages per kind, default 2000)
import { renderMessage } from '@affdash/server';
import { fixed, int, table } from './table.mjs';

const count = Number(process.env.BENCH_EMAILS) > 0 ? Number(process.env.BENCH_EMAILS) : 2_000;
const brand = {
  id: 'brd_bench',
  displayName: 'Glow & Co.',
  logoUrl: 'https://cdn.glow.example/logo.png',
  accentColor: '#0b6e4f',
  accentTextColor: '#ffffff',
  fontFamily: 'Inter',
  theme: 'light',
  defaultLocale: 'en',
  emailSenderName: 'Glow Partners',
  replyTo: 'partners@glow.example',
  postalAddress: 'Glow & Co., 548 Market Street, San Francisco',
};
const input = (kind, i) => ({
  kind,
  brand,
  locale: ['en', 'de', 'es', 'fr', 'pt'][i % 5],
  values: {
    member_name: `Member <${i}> & Co`,
    first_name: `Member${i}`,
    offer_name: 'Summer Glow',
    brand_name: brand.displayName,
    promo_code: `GLOW-${i}`,
    tracking_link: `https://affdash.example/t/slug${i}`,
    dashboard_link: `https://affdash.example/d/${'x'.repeat(43)}${i}`,
  },
  template: { subject: null, body: null },
  unsubscribeUrl: kind === 'members_message' ? `https://affdash.example/u/token${i}` : null,
});

const rows = [];
for (const kind of ['tracking_items', 'members_message']) {
  const coldStart = performance.now();
  const first = await renderMessage(input(kind, 0));
  const cold = performance.now() - coldStart;
  const start = performance.now();
  for (let i = 1; i <= count; i++) await renderMessage(input(kind, i));
  const each = (performance.now() - start) / count;
  rows.push([kind, fixed(cold, 0), fixed(each * 1000, 0), int(1000 / each), int(Buffer.byteLength(first.html))]);
}
console.log(table(['email', 'first (compile) ms', 'each µs', 'messages/s', 'HTML bytes'], rows));
