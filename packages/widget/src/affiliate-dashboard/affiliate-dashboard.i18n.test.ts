import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { Dashboard } from '@affdash/core';
import './affiliate-dashboard.js';
import type { AffiliateDashboard } from './affiliate-dashboard.component.js';
import { earlyKeys, enEarly, languages, messagesFor as wordsOf } from '@affdash/core/messages';
import { messagesFor } from './messages/index.js';
import { API_BASE, conversions, makeDashboard, makeSeries, makeToken } from '../../test/fixtures.js';
import { dashboardPath, http, HttpResponse, requests, resetApi, serveDashboard, startApi, worker } from '../../test/mock-api.js';

const shadow = (el: AffiliateDashboard) => el.shadowRoot!;
const text = (el: Element | ShadowRoot | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: AffiliateDashboard, name: string) => text(shadow(el).querySelector(`[part=${name}]`));

async function mount(attrs: { locale?: string; theme?: string } = {}) {
  const el = await fixture<AffiliateDashboard>(html`<affiliate-dashboard
    api-base=${API_BASE}
    locale=${attrs.locale ?? ''}
    theme=${attrs.theme ?? 'auto'}
    .token=${makeToken()}
  ></affiliate-dashboard>`);
  await waitUntil(() => shadow(el).querySelector('[part=header], .problem'), 'the dashboard never rendered');
  return el;
}

function euroDashboard(): Dashboard {
  const d = makeDashboard();
  const eur = (amount: number) => ({ amount, currency: 'EUR' });
  d.offer.currency = 'EUR';
  d.totals.sales = eur(123_456);
  d.conversions.data = d.conversions.data.map((c) => ({ ...c, sale: eur(c.sale.amount), commission: eur(c.commission.amount) }));
  return d;
}

/** Per language: words that must show up in each part. */
const expected: Record<string, Record<string, string[]>> = {
  'es-ES': {
    share: ['Compartir', 'Tu código promocional', 'Copiar'],
    terms: ['Cómo ganas', 'de cada venta', 'Pedidos 1–10 este mes', 'Tu nivel', 'Las comisiones se aprueban 30 días después de la venta.', 'Te faltan 3 pedidos para el siguiente nivel'],
    stats: ['Clics', 'Ventas', '1234,56 €', 'Ganado'],
    conversions: ['Conversiones', 'Pendiente', 'hasta el', 'Rechazada'],
    payments: ['Pagos', 'Importe', 'Próximo pago el', 'Descargar CSV'],
    chart: ['A lo largo del tiempo', '30 días'],
    header: ['Para Maya Chen', 'Activa'],
  },
  'fr-FR': {
    share: ['Partager', 'Votre code promo', 'Copier'],
    terms: ['Comment vous gagnez', 'de chaque vente', 'puis', 'Commandes 11+ ce mois-ci', '30 jours après la vente', 'Encore 3 commandes pour atteindre le palier suivant'],
    stats: ['Clics', 'Ventes', '1 234,56 €'],
    conversions: ['Conversions', 'En attente', 'jusqu’au', 'Refusée'],
    payments: ['Paiements', 'Montant', 'Prochain paiement le', 'Télécharger le CSV'],
    chart: ['Au fil du temps', '30 jours'],
    header: ['Pour Maya Chen', 'Active'],
  },
  'de-DE': {
    share: ['Teilen', 'Dein Gutscheincode', 'Kopieren'],
    terms: ['So verdienst du', '10 % je Verkauf', 'ab Bestellung 11 diesen Monat: 15 % je Verkauf', 'Deine Stufe', '30 Tage nach dem Verkauf', 'Noch 3 Bestellungen bis zur nächsten Stufe'],
    stats: ['Klicks', 'Umsatz', '1.234,56 €'],
    conversions: ['Conversions', 'Ausstehend', 'bis', 'Abgelehnt', 'Storniert'],
    payments: ['Zahlungen', 'Betrag', 'Nächste Auszahlung am', 'CSV herunterladen'],
    chart: ['Im Zeitverlauf', '30 Tage'],
    header: ['Für Maya Chen', 'Aktiv'],
  },
  'pt-BR': {
    share: ['Compartilhar', 'Seu cupom', 'Copiar'],
    terms: ['Como você ganha', 'de cada venda', 'Pedidos 1–10 este mês', 'Seu nível', '30 dias após a venda', 'Faltam 3 pedidos para o próximo nível'],
    stats: ['Cliques', 'Vendas', 'R$', '€ 1.234,56'],
    conversions: ['Conversões', 'Pendente', 'até', 'Rejeitada'],
    payments: ['Pagamentos', 'Valor', 'Próximo pagamento em', 'Baixar CSV'],
    chart: ['Ao longo do tempo', '30 dias'],
    header: ['Para Maya Chen', 'Ativa'],
  },
};

describe('<affiliate-dashboard> languages, theme and keyboard', () => {
  before(startApi);
  afterEach(resetApi);

  it('carries, in every language, only the words shown before the first screen', () => {
    for (const lang of languages) {
      const m = messagesFor(`${lang}-XX`);
      expect(Object.keys(m), lang).to.have.members([...earlyKeys]);
      for (const key of earlyKeys) expect(m[key], `${lang} ${key}`).to.equal(wordsOf(lang)[key]);
    }
    expect(messagesFor('it-IT')).to.deep.equal(enEarly);
  });

  it('asks for the first screen in the reader’s language and shows the words it brings', async () => {
    serveDashboard();
    const el = await mount({ locale: 'de-AT' });
    expect(requests).to.have.length(1);
    expect(new URL(requests[0]!.url).searchParams.get('locale')).to.equal('de-AT');
    expect(part(el, 'share')).to.contain('Teilen');
  });

  it('speaks the reader’s language before any data: loading and errors', async () => {
    worker.use(http.get(dashboardPath, () => new Promise(() => {})));
    const loading = await fixture<AffiliateDashboard>(html`<affiliate-dashboard api-base=${API_BASE} locale="fr-FR" .token=${makeToken()}></affiliate-dashboard>`);
    expect(text(shadow(loading))).to.contain('Chargement…');
    resetApi();
    worker.use(http.get(dashboardPath, () => HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 500 })));
    const failed = await mount({ locale: 'pt-BR' });
    const alert = text(shadow(failed).querySelector('[role=alert]'));
    expect(alert).to.contain('Não foi possível carregar seu painel').and.contain('Algo deu errado do nosso lado.').and.contain('Tentar de novo');
    await expect(failed).to.be.accessible();
  });

  it('reads the words the first screen brings, here English, with the locale’s formats', async () => {
    worker.use(http.get(dashboardPath, () => HttpResponse.json(euroDashboard())));
    const el = await mount({ locale: 'es-ES' });
    expect(part(el, 'share')).to.contain('Share');
    expect(part(el, 'terms')).to.contain(makeDashboard().offer.terms.summary);
    expect(part(el, 'stats')).to.contain('1234,56 €');
  });

  it('loads the first screen again when the language changes, not when only the region does', async () => {
    serveDashboard();
    const el = await mount({ locale: 'en-US' });
    el.locale = 'fr-FR';
    await waitUntil(() => part(el, 'share').includes('Partager'), 'no French after the change');
    expect(requests.map((r) => new URL(r.url).searchParams.get('locale'))).to.deep.equal(['en-US', 'fr-FR']);
    el.locale = 'fr-CA';
    await el.updateComplete;
    expect(shadow(el).querySelector('.root')!.getAttribute('lang')).to.equal('fr-CA');
    expect(part(el, 'share')).to.contain('Partager');
    expect(requests).to.have.length(2);
  });

  for (const [locale, parts] of Object.entries(expected)) {
    it(`speaks ${locale} and formats for it`, async () => {
      const d = euroDashboard();
      if (locale === 'pt-BR') d.totals.paid = { amount: 1_000, currency: 'BRL' };
      serveDashboard(d);
      const el = await mount({ locale });
      for (const [name, words] of Object.entries(parts)) {
        for (const word of words) expect(part(el, name), `${name} in ${locale}`).to.contain(word);
      }
      expect(part(el, 'terms')).to.not.contain('of every sale');
      const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date('2026-11-20T14:32:00.000Z'));
      expect(part(el, 'conversions')).to.contain(date.replace(/\s+/g, ' '));
      expect(shadow(el).querySelector('.root')!.getAttribute('lang')).to.equal(locale);
    });
  }

  it('shows the server’s own English terms in English', async () => {
    serveDashboard();
    const el = await mount({ locale: 'en-GB' });
    expect(part(el, 'terms')).to.contain(makeDashboard().offer.terms.summary);
  });

  it('shows the terms as the server words them, the way to the next tier included', async () => {
    const d = euroDashboard();
    d.offer.terms = {
      summary: '5,00 € pro Bestellung, ab 1.000,00 € Umsatz dieses Quartal: 12,5 % je Verkauf',
      holdPeriod: 'Provisionen werden 1 Tag nach dem Verkauf bestätigt.',
      tiers: [
        { range: 'Umsatz 0,00 €–1.000,00 € dieses Quartal', rate: '5,00 € pro Bestellung' },
        { range: 'Umsatz 1.000,00 €+ dieses Quartal', rate: '12,5 % je Verkauf' },
      ],
      currentTier: 1,
      nextTier: 'Noch 120,00 € Umsatz bis zur nächsten Stufe',
    };
    serveDashboard(d, { ownTerms: true });
    const el = await mount({ locale: 'de-DE' });
    const terms = part(el, 'terms');
    for (const words of [d.offer.terms.summary, d.offer.terms.holdPeriod, 'Umsatz 1.000,00 €+ dieses Quartal', '12,5 % je Verkauf', d.offer.terms.nextTier!]) {
      expect(terms).to.contain(words);
    }
    const current = shadow(el).querySelector('[part=terms] [aria-current=true]')!;
    expect(text(current)).to.contain('Umsatz 1.000,00 €+').and.contain('Deine Stufe');
    d.offer.terms = { ...d.offer.terms, tiers: null, currentTier: null, nextTier: null };
    serveDashboard(d, { ownTerms: true });
    await el.reload();
    expect(shadow(el).querySelector('[part=terms] table, .next-tier')).to.equal(null);
  });

  it('takes the language from <html lang> when no locale is set, English when it has none', async () => {
    const before = document.documentElement.lang;
    try {
      document.documentElement.lang = 'fr';
      serveDashboard();
      const el = await mount();
      expect(part(el, 'share')).to.contain('Partager');
      document.documentElement.lang = 'nl-NL';
      serveDashboard();
      const other = await mount();
      expect(part(other, 'share')).to.contain('Share');
      expect(part(other, 'stats')).to.contain('US$ 4.123,50');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('follows the theme attribute over the system setting', async () => {
    serveDashboard();
    const el = await mount({ theme: 'dark' });
    const surface = () => getComputedStyle(shadow(el).querySelector('.card')!).backgroundColor;
    expect(surface()).to.equal('rgb(23, 26, 33)');
    await expect(el).to.be.accessible();
    await emulateMedia({ colorScheme: 'dark' });
    try {
      el.theme = 'light';
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('light');
      expect(surface()).to.equal('rgb(255, 255, 255)');
      await expect(el).to.be.accessible();
      el.theme = 'auto';
      await el.updateComplete;
      expect(surface()).to.equal('rgb(23, 26, 33)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('uses the brand’s accent and font', async () => {
    serveDashboard();
    const el = await mount();
    el.style.setProperty('--affdash-color-accent', 'rgb(15, 118, 110)');
    el.style.setProperty('--affdash-font-family', 'Georgia, serif');
    const copy = shadow(el).querySelector('[part=copy-button]')!;
    expect(getComputedStyle(copy).backgroundColor).to.equal('rgb(15, 118, 110)');
    expect(getComputedStyle(shadow(el).querySelector('.title')!).fontFamily).to.contain('Georgia');
  });

  it('stays accessible at 320 px in dark', async () => {
    serveDashboard();
    await setViewport({ width: 320, height: 800 });
    try {
      const el = await mount({ theme: 'dark', locale: 'de-DE' });
      expect(el.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('filters with the keyboard: Tab to a toggle, Enter or Space presses it', async () => {
    serveDashboard();
    // Conversions in every answer: with none, "All" would show the empty state in the card's
    // place, and the chips (and their focus) would go as soon as the answer came.
    worker.use(http.get(`${dashboardPath}/conversions`, () => HttpResponse.json({ data: conversions, nextCursor: null })));
    const el = await mount();
    const chips = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part=conversions] .chip')];
    chips[0]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(chips[1]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => requests.length === 2);
    expect(new URL(requests[1]!.url).searchParams.get('status')).to.equal('pending');
    await waitUntil(() => chips[1]!.getAttribute('aria-pressed') === 'true');
    chips[0]!.focus();
    await sendKeys({ press: 'Space' });
    await waitUntil(() => requests.length === 3 && shadow(el).querySelectorAll('[part=conversions] tbody tr').length === conversions.length);
    expect(chips[0]!.getAttribute('aria-pressed')).to.equal('true');
    expect(chips[0]!.isConnected && shadow(el).activeElement).to.equal(chips[0]);
    expect(getComputedStyle(chips[0]!).outlineStyle).to.equal('solid');
  });

  it('chooses the chart’s span with the keyboard, in the reader’s language', async () => {
    serveDashboard(euroDashboard());
    worker.use(
      http.get(`${dashboardPath}/series`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        return HttpResponse.json(makeSeries(q.get('from')!, q.get('to')!));
      }),
      http.get(`${dashboardPath}/conversions`, () => HttpResponse.json({ data: [], nextCursor: null })),
    );
    const el = await mount({ locale: 'de-DE' });
    const chips = [...shadow(el).querySelectorAll<HTMLButtonElement>('[part=chart] .chip')];
    expect(chips.map(text)).to.deep.equal(['7 Tage', '30 Tage', '90 Tage']);
    expect(part(el, 'chart')).to.contain('Im Zeitverlauf');
    chips[1]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(chips[2]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(el).querySelectorAll('[part=chart] rect').length === 90);
    const series = requests.map((r) => new URL(r.url)).find((u) => u.pathname.endsWith('/series'))!;
    expect([series.searchParams.get('from'), series.searchParams.get('to')]).to.deep.equal(['2026-08-28', '2026-11-25']);
    expect(chips[2]!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('copies with the keyboard, names the button and announces it in the reader’s language', async () => {
    serveDashboard();
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => {} } });
    try {
      const el = await mount({ locale: 'es' });
      const copy = shadow(el).querySelector<HTMLButtonElement>('[part=copy-button]')!;
      copy.focus();
      const copied = oneEvent(el, 'affdash-copy');
      await sendKeys({ press: 'Enter' });
      await copied;
      await el.updateComplete;
      expect(text(copy)).to.equal('Copiado');
      expect(text(shadow(el).querySelector('[role=status]'))).to.equal('Copiado');
      const labelledBy = copy.getAttribute('aria-labelledby')!.split(' ').map((id) => text(shadow(el).getElementById(id)));
      expect(labelledBy).to.deep.equal(['Copiado', 'Tu código promocional']);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('renders markup in names and descriptions as text, in any language', async () => {
    const d = euroDashboard();
    d.offer.name = '<img src=x onerror="window.__pwned=1">Spring';
    d.offer.description = '<script>window.__pwned=1</script><b>Earn</b>';
    d.member.name = '<iframe src="javascript:window.__pwned=1"></iframe>Maya';
    d.brand.name = '<svg onload="window.__pwned=1"></svg>Coffee';
    serveDashboard(d);
    const el = await mount({ locale: 'fr-FR' });
    const root = shadow(el);
    expect(root.querySelector('img, script, b, iframe, svg:not([part=chart] svg)')).to.equal(null);
    expect(text(root.querySelector('.description'))).to.equal('<script>window.__pwned=1</script><b>Earn</b>');
    expect(text(root.querySelector('.eyebrow'))).to.equal('<svg onload="window.__pwned=1"></svg>Coffee');
    expect(text(root.querySelector('.member'))).to.equal('Pour <iframe src="javascript:window.__pwned=1"></iframe>Maya');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
