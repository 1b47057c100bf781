import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { Dashboard } from '@affdash/core';
import './affiliate-dashboard.js';
import type { AffiliateDashboard } from './affiliate-dashboard.component.js';
import { API_BASE, makeDashboard, makeSeries, makeToken, olderConversions } from '../../test/fixtures.js';
import {
  apiError, dashboardPath, http, HttpResponse, requests, resetApi, serveDashboard, startApi, worker,
} from '../../test/mock-api.js';

const shadow = (el: AffiliateDashboard) => el.shadowRoot!;
const text = (el: Element | ShadowRoot | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const date = (iso: string) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(iso));

async function mount(options: { token?: string; tokenProvider?: () => Promise<string> } = {}) {
  const el = await fixture<AffiliateDashboard>(html`<affiliate-dashboard
    api-base=${API_BASE}
    locale="en-US"
    .token=${options.token ?? makeToken()}
    .tokenProvider=${options.tokenProvider}
  ></affiliate-dashboard>`);
  await waitUntil(() => shadow(el).querySelector('[part=header], .problem'), 'the dashboard never rendered');
  return el;
}

function button(el: AffiliateDashboard, label: RegExp | string) {
  const found = [...shadow(el).querySelectorAll('button')].find((b) =>
    typeof label === 'string' ? text(b) === label : label.test(text(b)),
  );
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

describe('<affiliate-dashboard>', () => {
  before(startApi);
  afterEach(resetApi);

  it('paints the whole first screen from one request', async () => {
    serveDashboard();
    const token = makeToken();
    const el = await mount({ token });
    const root = shadow(el);

    expect(requests).to.have.length(1);
    expect(requests[0]!.url).to.equal(`${dashboardPath}?locale=en-US`);
    expect(requests[0]!.headers.get('authorization')).to.equal(`Bearer ${token}`);

    expect(text(root.querySelector('[part=header]'))).to.contain('Northwind Coffee').and.contain('Spring Espresso Partners').and.contain('Maya Chen').and.contain('Active');
    expect(text(root.querySelector('[part=code]'))).to.equal('MAYA15');
    expect(root.querySelector('[part=link]')!.getAttribute('title')).to.equal(makeDashboard().enrollment.trackingUrl);

    const terms = text(root.querySelector('[part=terms]'));
    expect(terms).to.contain('10% of every sale, rising to 15%').and.contain('approved 30 days after the sale');
    expect(terms).to.contain('3 more orders to reach the next tier');
    const current = root.querySelector('[part=terms] tr[aria-current=true]');
    expect(text(current)).to.contain('Orders 1–10 this month').and.contain('Your tier');

    const stats = text(root.querySelector('[part=stats]'));
    // Earned in all = paid + balance + pending: $416.00 = $240.00 + $111.80 + $64.20.
    for (const figure of ['1,284', '37', '$4,123.50', 'Earned $416.00', 'Incl. $64.20 pending approval', 'Paid $240.00', 'Balance $111.80']) {
      expect(stats).to.contain(figure);
    }
    expect(stats).to.not.contain('Expected');

    const rows = [...root.querySelectorAll('[part=conversions] tbody tr')].map(text);
    expect(rows).to.have.length(4);
    expect(rows[0]).to.contain('••••4821').and.contain('$129.00').and.contain('$12.90').and.contain(`Pending until ${date('2026-12-20T14:32:00.000Z')}`);
    expect(rows[1]).to.contain('Approved');
    expect(rows[2]).to.contain('Rejected').and.contain('Order cancelled by the customer');
    expect(rows[3]).to.contain('Reversed').and.contain('Refunded after delivery');
    // Commission that does not count is struck through, not bold like earnings.
    const commission = (i: number) => root.querySelectorAll('[part=conversions] tbody tr')[i]!.children[3]!;
    expect(commission(0).querySelector('s')).to.equal(null);
    expect(getComputedStyle(commission(0)).fontWeight).to.equal('600');
    for (const i of [2, 3]) {
      expect(text(commission(i).querySelector('s'))).to.match(/^\$\d+\.\d\d$/);
      expect(getComputedStyle(commission(i)).fontWeight).to.equal('400');
    }

    const payments = [...root.querySelectorAll('[part=payments] tbody tr')].map(text);
    expect(payments[0]).to.contain('$150.00').and.contain('PayPal').and.contain('PP-88213-X').and.contain(date('2026-11-01T10:00:00.000Z'));
    expect(payments[1]).to.contain('$90.00').and.contain('Bank transfer').and.contain('—');
  });

  it('fires affdash-load with the dashboard', async () => {
    serveDashboard();
    const el = document.createElement('affiliate-dashboard');
    el.apiBase = API_BASE;
    const loaded = oneEvent(el, 'affdash-load');
    el.token = makeToken();
    document.body.append(el);
    const event = await loaded;
    expect((event.detail as Dashboard).enrollment.promoCode).to.equal('MAYA15');
    el.remove();
  });

  it('formats money for the locale and the currency’s minor units', async () => {
    const d = makeDashboard();
    d.totals.sales = { amount: 412_350, currency: 'JPY' };
    serveDashboard(d);
    const el = await mount();
    el.locale = 'de-DE';
    // Another language: the first screen comes again, with its words.
    await waitUntil(() => text(shadow(el).querySelector('[part=stats]')).includes('Klicks'));
    expect(text(shadow(el).querySelector('[part=stats]'))).to.contain('412.350 ¥').and.contain('416,00 $');
  });

  it('copies the promo code, says so in place and announces it', async () => {
    serveDashboard();
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (value: string) => void written.push(value) },
    });
    try {
      const el = await mount();
      const copy = shadow(el).querySelector<HTMLButtonElement>('[part=share] [part=copy-button]')!;
      setTimeout(() => copy.click());
      const event = await oneEvent(el, 'affdash-copy');
      expect(event.detail).to.deep.equal({ kind: 'code', value: 'MAYA15' });
      expect(written).to.deep.equal(['MAYA15']);
      await el.updateComplete;
      expect(text(copy)).to.equal('Copied');
      expect(text(shadow(el).querySelector('[role=status]'))).to.match(/copied/i);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('copies the link with execCommand when the Clipboard API refuses', async () => {
    serveDashboard();
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    const execCommand = document.execCommand;
    let copied = '';
    document.execCommand = (command: string) => {
      copied = command === 'copy' ? (document.activeElement?.shadowRoot?.activeElement as HTMLTextAreaElement | null)?.value ?? 'yes' : '';
      return true;
    };
    try {
      const el = await mount();
      const copy = shadow(el).querySelectorAll<HTMLButtonElement>('[part=copy-button]')[1]!;
      setTimeout(() => copy.click());
      const event = await oneEvent(el, 'affdash-copy');
      expect(event.detail).to.deep.equal({ kind: 'link', value: makeDashboard().enrollment.trackingUrl });
      expect(copied).to.not.equal('');
    } finally {
      document.execCommand = execCommand;
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('on token_expired asks the tokenProvider once and retries once', async () => {
    const stale = makeToken({ jti: 'stale' });
    const fresh = makeToken({ jti: 'fresh' });
    worker.use(
      http.get(dashboardPath, ({ request }) =>
        request.headers.get('authorization') === `Bearer ${fresh}`
          ? HttpResponse.json(makeDashboard())
          : apiError(401, 'token_expired', 'the dashboard token has expired'),
      ),
    );
    let calls = 0;
    const el = await mount({ token: stale, tokenProvider: async () => (calls++, fresh) });
    expect(calls).to.equal(1);
    expect(requests.map((r) => r.headers.get('authorization'))).to.deep.equal([`Bearer ${stale}`, `Bearer ${fresh}`]);
    expect(text(shadow(el).querySelector('[part=code]'))).to.equal('MAYA15');
  });

  it('retries only once when the new token is refused too', async () => {
    worker.use(http.get(dashboardPath, () => apiError(401, 'token_expired', 'expired')));
    let calls = 0;
    const el = await mount({ tokenProvider: async () => (calls++, makeToken({ jti: `t${calls}` })) });
    expect(calls).to.equal(1);
    expect(requests).to.have.length(2);
    expect(text(shadow(el))).to.contain('session has expired');
  });

  it('without a provider fires affdash-token-expired and says the session expired', async () => {
    worker.use(http.get(dashboardPath, () => apiError(401, 'token_expired', 'expired')));
    const el = document.createElement('affiliate-dashboard');
    el.apiBase = API_BASE;
    const errors: Event[] = [];
    el.addEventListener('affdash-error', (e) => errors.push(e));
    const expired = oneEvent(el, 'affdash-token-expired');
    el.token = makeToken();
    document.body.append(el);
    const event = await expired;
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(text(shadow(el))).to.contain('Your session has expired');
    expect(errors).to.have.length(0);
    el.remove();
  });

  it('refreshes the token shortly before it expires', async () => {
    serveDashboard();
    const fresh = makeToken({ jti: 'fresh' });
    let calls = 0;
    // exp is 61 s away and the refresh lead is 60 s: the provider is due in about a second.
    const el = await mount({
      token: makeToken({ exp: Math.floor(Date.now() / 1000) + 61 }),
      tokenProvider: async () => (calls++, fresh),
    });
    await waitUntil(() => calls === 1, 'the provider was not called before exp', { timeout: 4000 });
    worker.use(http.get(`${dashboardPath}/conversions`, () => HttpResponse.json(olderConversions)));
    button(el, 'Load more').click();
    await waitUntil(() => requests.length === 2);
    expect(requests[1]!.headers.get('authorization')).to.equal(`Bearer ${fresh}`);
  });

  it('shows an error in words with a Retry that works', async () => {
    let fail = true;
    worker.use(
      http.get(dashboardPath, () => (fail ? apiError(500, 'internal', 'boom') : HttpResponse.json(makeDashboard()))),
    );
    const el = document.createElement('affiliate-dashboard');
    el.apiBase = API_BASE;
    const failed = oneEvent(el, 'affdash-error');
    el.token = makeToken();
    document.body.append(el);
    expect((await failed).detail).to.deep.equal({ status: 500, code: 'internal', message: 'boom' });
    await el.updateComplete;
    expect(text(shadow(el).querySelector('[role=alert]'))).to.contain('Something went wrong on our side');
    await expect(el).to.be.accessible();
    fail = false;
    button(el, 'Retry').click();
    await waitUntil(() => shadow(el).querySelector('[part=code]'));
    expect(requests).to.have.length(2);
    el.remove();
  });

  it('says when the page’s origin is not allowed, and when the server cannot be reached', async () => {
    // A browser keeps an answer without Access-Control-Allow-Origin from the page (a failed
    // fetch), but a request it cannot read (no-cors) still gets through.
    worker.use(http.get(dashboardPath, ({ request }) => (request.mode === 'no-cors' ? new HttpResponse(null, { status: 401 }) : HttpResponse.error())));
    const refused = await mount();
    expect(text(shadow(refused).querySelector('[role=alert]'))).to.contain('This website isn’t allowed to show this dashboard.').and.not.contain('can’t be reached');
    resetApi();
    worker.use(http.get(dashboardPath, () => HttpResponse.error()));
    const offline = await mount();
    expect(text(shadow(offline).querySelector('[role=alert]'))).to.contain('The server can’t be reached.');
  });

  it('says a token it cannot read is not valid, without asking the API', async () => {
    const el = await mount({ token: 'not-a-jwt' });
    expect(text(shadow(el))).to.contain('link isn’t valid');
    expect(requests).to.have.length(0);
  });

  it('shows what to do when there are no conversions yet', async () => {
    serveDashboard(makeDashboard({ conversions: { data: [], nextCursor: null }, payments: { data: [], nextCursor: null } }));
    const el = await mount();
    expect(text(shadow(el).querySelector('[part=conversions]'))).to.contain('Share your code to see your first conversion here');
    expect(text(shadow(el).querySelector('[part=payments]'))).to.contain('No payments yet');
    expect([...shadow(el).querySelectorAll('button')].map(text)).to.not.include('Load more');
  });

  it('loads more conversions with the cursor and appends them', async () => {
    serveDashboard();
    worker.use(http.get(`${dashboardPath}/conversions`, () => HttpResponse.json(olderConversions)));
    const el = await mount();
    const more = button(el, 'Load more');
    more.focus();
    more.click();
    await waitUntil(() => shadow(el).querySelectorAll('[part=conversions] tbody tr').length === 5);
    expect(new URL(requests[1]!.url).searchParams.get('cursor')).to.equal('cur_conv_2');
    const added = shadow(el).querySelector('[part=conversions] tbody tr:last-child')!;
    expect(text(added)).to.contain('••••4519');
    expect([...shadow(el).querySelectorAll('button')].map(text)).to.not.include('Load more');
    // The button is gone: focus moves to the first new row, and the rows are announced.
    await waitUntil(() => shadow(el).activeElement === added, 'focus did not move to the new row');
    expect(text(shadow(el).querySelector('[role=status]'))).to.equal('1 more loaded');
  });

  it('loads more payments, moves focus to the first new one and announces them', async () => {
    serveDashboard(makeDashboard({ payments: { data: makeDashboard().payments.data, nextCursor: 'cur_pay_2' } }));
    const older = [
      { id: 'pay_1', amount: { amount: 5_000, currency: 'USD' }, method: 'paypal', reference: 'PP-1', paidAt: '2026-09-01T10:00:00.000Z' },
      { id: 'pay_2', amount: { amount: 4_000, currency: 'USD' }, method: 'paypal', reference: 'PP-2', paidAt: '2026-08-01T10:00:00.000Z' },
    ];
    worker.use(http.get(`${dashboardPath}/payments`, () => HttpResponse.json({ data: older, nextCursor: 'cur_pay_3' })));
    const el = await mount();
    const more = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part=payments] button')].find((b) => text(b) === 'Load more')!;
    more.click();
    await waitUntil(() => shadow(el).querySelectorAll('[part=payments] tbody tr').length === 4);
    const first = shadow(el).querySelectorAll('[part=payments] tbody tr')[2]!;
    await waitUntil(() => shadow(el).activeElement === first, 'focus did not move to the first new payment');
    expect(text(first)).to.contain('PP-1');
    expect(text(shadow(el).querySelector('[role=status]'))).to.equal('2 more loaded');
  });

  it('filters conversions by status', async () => {
    serveDashboard();
    const rejected = makeDashboard().conversions.data.filter((c) => c.status === 'rejected');
    worker.use(http.get(`${dashboardPath}/conversions`, () => HttpResponse.json({ data: rejected, nextCursor: null })));
    const el = await mount();
    const chip = button(el, 'Rejected');
    chip.click();
    await waitUntil(() => shadow(el).querySelectorAll('[part=conversions] tbody tr').length === 1);
    expect(new URL(requests[1]!.url).searchParams.get('status')).to.equal('rejected');
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
  });

  it('keeps the rows and offers Retry when a page fails', async () => {
    serveDashboard();
    worker.use(http.get(`${dashboardPath}/conversions`, () => apiError(503, 'internal', 'down')));
    const el = await mount();
    button(el, 'Load more').click();
    await waitUntil(() => shadow(el).querySelector('[part=conversions] .inline-error'));
    expect(shadow(el).querySelectorAll('[part=conversions] tbody tr')).to.have.length(4);
    worker.use(http.get(`${dashboardPath}/conversions`, () => HttpResponse.json(olderConversions)));
    button(el, 'Retry').click();
    await waitUntil(() => shadow(el).querySelectorAll('[part=conversions] tbody tr').length === 5);
  });

  it('renders markup in names as text', async () => {
    const d = makeDashboard();
    d.offer.name = '<img src=x onerror="window.__pwned=1">Spring';
    d.member.name = '<script>window.__pwned=1</script>Maya';
    d.brand.name = '<b>Bold</b> Coffee';
    d.conversions.data[2]!.statusReason = '<a href="javascript:alert(1)">click</a>';
    serveDashboard(d);
    const el = await mount();
    const root = shadow(el);
    expect(root.querySelector('[part=header] img, [part=header] script, [part=header] b, a')).to.equal(null);
    expect(text(root.querySelector('.title'))).to.equal('<img src=x onerror="window.__pwned=1">Spring');
    expect(text(root.querySelector('.member'))).to.contain('<script>window.__pwned=1</script>Maya');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows placeholders while loading', async () => {
    worker.use(http.get(dashboardPath, () => new Promise(() => {})));
    const el = await fixture<AffiliateDashboard>(html`<affiliate-dashboard api-base=${API_BASE} .token=${makeToken()}></affiliate-dashboard>`);
    expect(shadow(el).querySelector('.skeleton')).to.not.equal(null);
    expect(text(shadow(el))).to.contain('Loading…');
  });

  it('below the payout minimum, says it is paid once reached, with the way to it, and no payout date', async () => {
    const d = makeDashboard();
    d.totals.balance = { amount: 2_000, currency: 'USD' };
    d.payout.remaining = { amount: 3_000, currency: 'USD' };
    serveDashboard(d);
    const el = await mount();
    const payments = shadow(el).querySelector('[part=payments]')!;
    expect(text(payments)).to.not.contain('Next payout');
    const progress = payments.querySelector('progress')!;
    expect(progress.position).to.equal(0.4);
    // Named by its label: the minimum, the amounts, and how much is left to go.
    expect(text(progress.labels[0])).to.contain('Paid out once your balance reaches $50.00').and.contain('$20.00 / $50.00');
    expect(text(progress.labels[0])).to.contain('$30.00 to go until the $50.00 minimum');
  });

  it('once the minimum is reached, says what is paid on the next payout date', async () => {
    serveDashboard();
    const el = await mount();
    const payments = () => text(shadow(el).querySelector('[part=payments]'));
    expect(payments()).to.contain(`Next payout on ${date('2026-12-01T00:00:00.000Z')}`).and.contain('$111.80').and.not.contain('/ $50.00');
    expect(shadow(el).querySelector('[part=payments] progress')).to.equal(null);
    // No minimum and nothing approved: no "$0.00 / $0.00", no date.
    const d = makeDashboard();
    d.totals.balance = { amount: 0, currency: 'USD' };
    d.payout.minimum = { amount: 0, currency: 'USD' };
    serveDashboard(d);
    await el.reload();
    await el.updateComplete;
    expect(payments()).to.contain('Nothing to pay out yet').and.not.contain('Next payout').and.not.contain('/ $0.00');
    expect(shadow(el).querySelector('[part=payments] progress')).to.equal(null);
  });

  it('shows payout progress even before the first payment', async () => {
    const d = makeDashboard({ payments: { data: [], nextCursor: null } });
    d.payout.remaining = { amount: 3_000, currency: 'USD' };
    d.totals.balance = { amount: 2_000, currency: 'USD' };
    serveDashboard(d);
    const el = await mount();
    const payments = text(shadow(el).querySelector('[part=payments]'));
    expect(payments).to.contain('$20.00 / $50.00').and.contain('No payments yet');
  });

  it('shows a balance below zero after a reversal of paid commission', async () => {
    const d = makeDashboard();
    d.totals.balance = { amount: -1_290, currency: 'USD' };
    serveDashboard(d);
    const el = await mount();
    expect(text(shadow(el).querySelector('[part=stats]'))).to.contain('-$12.90').and.contain('Reversed after payout');
  });

  it('draws commission per day as SVG bars, named by a summary, with the days shown', async () => {
    serveDashboard();
    const el = await mount();
    const chart = shadow(el).querySelector('[part=chart]')!;
    const points = makeDashboard().series.points;
    const total = points.reduce((sum, p) => sum + p.commission, 0);
    const money = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n / 100);
    const days = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(new Date('2026-10-27'), new Date('2026-11-25'));
    expect(text(chart)).to.contain('Over time').and.contain(money(total)).and.contain(days);
    const svg = chart.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal(`Commission, ${days}: ${money(total)}`);
    const bars = [...svg.querySelectorAll('rect')];
    expect(bars).to.have.length(30);
    const top = Math.max(...points.map((p) => p.commission));
    bars.forEach((bar, i) => expect(+bar.getAttribute('height')!).to.be.closeTo(points[i]!.commission / top, 1e-9));
  });

  it('loads the series for a span and filters the conversions to the same days', async () => {
    serveDashboard();
    worker.use(
      http.get(`${dashboardPath}/series`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        return HttpResponse.json(makeSeries(q.get('from')!, q.get('to')!));
      }),
      http.get(`${dashboardPath}/conversions`, () => HttpResponse.json({ data: makeDashboard().conversions.data.slice(0, 1), nextCursor: null })),
    );
    const el = await mount();
    const week = button(el, '7 days');
    week.click();
    await waitUntil(() => shadow(el).querySelectorAll('[part=chart] rect').length === 7 && shadow(el).querySelectorAll('[part=conversions] tbody tr').length === 1);
    const sent = requests.slice(1).map((r) => new URL(r.url));
    const series = sent.find((u) => u.pathname.endsWith('/series'))!;
    const conversions = sent.find((u) => u.pathname.endsWith('/conversions'))!;
    for (const u of [series, conversions]) {
      expect(u.searchParams.get('from')).to.equal('2026-11-19');
      expect(u.searchParams.get('to')).to.equal('2026-11-25');
    }
    expect(week.getAttribute('aria-pressed')).to.equal('true');
    expect(button(el, '30 days').getAttribute('aria-pressed')).to.equal('false');
  });

  it('says when the conversions are filtered to the chart’s days, and shows all dates again', async () => {
    serveDashboard();
    let answer = { data: [] as unknown[], nextCursor: null };
    worker.use(
      http.get(`${dashboardPath}/series`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        return HttpResponse.json(makeSeries(q.get('from')!, q.get('to')!));
      }),
      http.get(`${dashboardPath}/conversions`, () => HttpResponse.json(answer)),
    );
    const el = await mount();
    const card = () => text(shadow(el).querySelector('[part=conversions]'));
    expect(card()).to.not.contain('Showing');
    button(el, '7 days').click();
    await waitUntil(() => card().includes('No conversions in this period'));
    const days = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(new Date('2026-11-19'), new Date('2026-11-25'));
    expect(card()).to.contain(`Showing ${days} only`).and.not.contain('No conversions yet');
    answer = { data: makeDashboard().conversions.data, nextCursor: null };
    button(el, 'All dates').click();
    await waitUntil(() => shadow(el).querySelectorAll('[part=conversions] tbody tr').length === 4);
    const last = new URL(requests[requests.length - 1]!.url);
    expect(last.pathname).to.match(/\/conversions$/);
    expect([last.searchParams.get('from'), last.searchParams.get('to')]).to.deep.equal([null, null]);
    expect(card()).to.not.contain('Showing').and.not.contain('All dates');
    // The chart keeps its span.
    expect(button(el, '7 days').getAttribute('aria-pressed')).to.equal('true');
  });

  it('says when no conversion has the status chosen', async () => {
    serveDashboard();
    worker.use(http.get(`${dashboardPath}/conversions`, () => HttpResponse.json({ data: [], nextCursor: null })));
    const el = await mount();
    button(el, 'Reversed').click();
    await waitUntil(() => text(shadow(el).querySelector('[part=conversions] tbody')).includes('No conversions with this status'));
  });

  it('shows a sale’s amount in the currency it was paid in', async () => {
    const d = makeDashboard();
    d.conversions.data[0] = { ...d.conversions.data[0]!, original: { amount: 4_300, currency: 'GBP' } };
    serveDashboard(d);
    const el = await mount();
    const sale = shadow(el).querySelector('[part=conversions] tbody tr')!.children[2]!;
    expect(text(sale)).to.equal('$129.00 £43.00 at checkout');
    expect(text(shadow(el).querySelectorAll('[part=conversions] tbody tr')[1]!.children[2])).to.equal('$84.50');
  });

  it('downloads conversions and payments as CSV: the token in the Authorization header, never in a URL', async () => {
    serveDashboard();
    const token = makeToken();
    worker.use(
      http.get(`${dashboardPath}/conversions.csv`, () => new HttpResponse('id,status\ncnv_1,pending\n', { headers: { 'content-type': 'text/csv' } })),
      http.get(`${dashboardPath}/payments.csv`, () => new HttpResponse('id,amount\n', { headers: { 'content-type': 'text/csv' } })),
    );
    const saved: { href: string; download: string; body: string }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    const createObjectURL = URL.createObjectURL;
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (blob: Blob) => {
      const url = createObjectURL(blob);
      blobs.set(url, blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download, body: '' });
    };
    try {
      const el = await mount({ token });
      const buttons = [...shadow(el).querySelectorAll('button')].filter((b) => text(b) === 'Download CSV');
      expect(buttons.map((b) => b.getAttribute('aria-labelledby')!.split(' ').map((id) => text(shadow(el).getElementById(id))).join(' '))).to.deep.equal([
        'Download CSV Conversions',
        'Download CSV Payments',
      ]);
      buttons[0]!.click();
      await waitUntil(() => saved.length === 1);
      buttons[1]!.click();
      await waitUntil(() => saved.length === 2);
      expect(saved.map((s) => s.download)).to.deep.equal(['conversions-enr_7Hq2Lx9PmW.csv', 'payments-enr_7Hq2Lx9PmW.csv']);
      // A UTF-8 byte order mark first, for Excel.
      const bytes = new Uint8Array(await blobs.get(saved[0]!.href)!.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).to.equal('\uFEFFid,status\ncnv_1,pending\n');
      const csv = requests.filter((r) => r.url.includes('.csv'));
      expect(csv.map((r) => new URL(r.url).pathname)).to.deep.equal([`${new URL(dashboardPath).pathname}/conversions.csv`, `${new URL(dashboardPath).pathname}/payments.csv`]);
      for (const r of csv) expect(r.headers.get('authorization')).to.equal(`Bearer ${token}`);
      for (const url of [...requests.map((r) => r.url), ...saved.map((s) => s.href)]) expect(url).to.not.contain(token);
    } finally {
      HTMLAnchorElement.prototype.click = click;
      URL.createObjectURL = createObjectURL;
    }
  });

  it('says why a download failed beside its button', async () => {
    serveDashboard();
    worker.use(http.get(`${dashboardPath}/payments.csv`, () => apiError(503, 'internal', 'down')));
    const el = await mount();
    [...shadow(el).querySelectorAll<HTMLButtonElement>("[part=payments] button")].find((b) => text(b) === 'Download CSV')!.click();
    await waitUntil(() => shadow(el).querySelector('[part=payments] .inline-error'));
    expect(text(shadow(el).querySelector('[part=payments] .inline-error'))).to.contain('Something went wrong on our side');
  });

  it('passes an accessibility audit', async () => {
    serveDashboard();
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('passes an accessibility audit in dark mode', async () => {
    serveDashboard();
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await mount();
      const surface = getComputedStyle(shadow(el).querySelector('.card')!).backgroundColor;
      expect(surface).to.equal('rgb(23, 26, 33)');
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('lays out in one column on a phone and stays accessible', async () => {
    serveDashboard();
    await setViewport({ width: 375, height: 800 });
    try {
      const el = await mount();
      const grid = shadow(el).querySelector('.grid')!;
      expect(getComputedStyle(grid).gridTemplateColumns.split(' ')).to.have.length(1);
      // The order and sale columns step aside; date, commission and status stay.
      const cells = [...shadow(el).querySelectorAll('[part=conversions] tbody tr:first-child td')];
      expect(cells.filter((td) => getComputedStyle(td).display !== 'none')).to.have.length(3);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
