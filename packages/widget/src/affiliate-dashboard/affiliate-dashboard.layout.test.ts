import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { Dashboard } from '@affdash/core';
import './affiliate-dashboard.js';
import type { AffiliateDashboard } from './affiliate-dashboard.component.js';
import { renderPortal } from '../../../../examples/brand-site/page.mjs';
import { API_BASE, makeDashboard, makeToken } from '../../test/fixtures.js';
import { resetApi, serveDashboard, startApi } from '../../test/mock-api.js';

const shadow = (el: AffiliateDashboard) => el.shadowRoot!;
const all = <T extends Element = HTMLElement>(el: AffiliateDashboard, selector: string) => [...shadow(el).querySelectorAll<T>(selector)];

async function mount(attrs: { locale?: string; width?: string; theme?: string; style?: string } = {}) {
  const el = await fixture<AffiliateDashboard>(html`<affiliate-dashboard
    api-base=${API_BASE}
    locale=${attrs.locale ?? 'en-US'}
    theme=${attrs.theme ?? 'light'}
    style="display: block; width: ${attrs.width ?? 'auto'}; ${attrs.style ?? ''}"
    .token=${makeToken()}
  ></affiliate-dashboard>`);
  await waitUntil(() => shadow(el).querySelector('[part=header]'), 'the dashboard never rendered');
  return el;
}

/** Large figures: the ones that broke inside ("1138,72 U/S$", "$27,569.2/0"). */
function bigNumbers(): Dashboard {
  const d = makeDashboard();
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  d.totals = {
    ...d.totals,
    clicks: 1_284_512,
    sales: usd(2_756_920),
    pending: usd(113_872),
    approved: usd(2_643_048),
    paid: usd(1_000_000),
    balance: usd(1_643_048),
    expected: usd(1_756_920),
  };
  return d;
}

/** sRGB channels 0–1 of a computed colour: `rgb(…)`, `rgba(…)` or `color(srgb …)`. */
function channels(color: string): number[] {
  const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)/.exec(color);
  if (srgb) return srgb.slice(1, 4).map(Number);
  const rgb = /rgba?\((\d+(?:\.\d+)?),? (\d+(?:\.\d+)?),? (\d+(?:\.\d+)?)/.exec(color);
  if (!rgb) throw new Error(`cannot read the colour ${color}`);
  return rgb.slice(1, 4).map((c) => Number(c) / 255);
}

function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = channels(color).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('<affiliate-dashboard> layout and theming', () => {
  before(startApi);
  afterEach(async () => {
    resetApi();
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ colorScheme: 'light' });
  });

  it('never breaks a figure inside: it shrinks to fit its tile, in every language', async () => {
    for (const [locale, width] of [['es-ES', 375], ['fr-FR', 375], ['pt-BR', 375], ['en-US', 550], ['de-DE', 320], ['en-US', 960]] as const) {
      await setViewport({ width: Math.max(width, 320), height: 800 });
      serveDashboard(bigNumbers());
      const el = await mount({ locale, width: `${width}px` });
      const values = all(el, '[part=stats] .stat__value');
      expect(values).to.have.length(6);
      for (const value of values) {
        const label = `${value.textContent} in ${locale} at ${width}px`;
        expect(value.getClientRects(), label).to.have.length(1);
        expect(value.getBoundingClientRect().height, label).to.be.at.most(28);
        expect(value.scrollWidth, label).to.be.at.most(value.clientWidth);
        expect(parseFloat(getComputedStyle(value).fontSize), label).to.be.at.least(12);
      }
    }
  });

  it('lays the six figures out in full rows at every width', async () => {
    serveDashboard();
    await setViewport({ width: 1500, height: 900 });
    for (const width of [300, 375, 480, 559, 560, 640, 719, 720, 800, 959, 960, 1200, 1440]) {
      const el = await mount({ width: `${width}px` });
      const tops = all(el, '.stat').map((s) => Math.round(s.getBoundingClientRect().top));
      const rows = new Map<number, number>();
      for (const top of tops) rows.set(top, (rows.get(top) ?? 0) + 1);
      const counts = [...rows.values()];
      expect(new Set(counts).size, `${width}px: ${counts}`).to.equal(1);
      expect([1, 2, 3, 6], `${width}px`).to.include(counts[0]);
    }
  });

  it('never scrolls sideways at 320–375 px: long words, reasons and names wrap', async () => {
    const d = makeDashboard();
    d.offer.description = `Earn on every bag: ${'supercalifragilisticexpialidocious'.repeat(3)} and https://northwind.example/partners/${'x'.repeat(60)}`;
    d.brand.name = 'Northwind'.repeat(6);
    d.conversions.data[2]!.statusReason = 'Cancelled'.repeat(8);
    d.offer.terms.tiers![0]!.range = `Orders 1–10 ${'thismonth'.repeat(5)}`;
    for (const width of [320, 360, 375]) {
      await setViewport({ width, height: 800 });
      for (const locale of ['en-US', 'de-DE']) {
        serveDashboard(d, { ownTerms: true });
        const el = await mount({ locale });
        const label = `${locale} at ${width}px`;
        expect(el.scrollWidth, label).to.be.at.most(width);
        for (const card of all(el, '.card, .root, .description')) {
          expect(card.scrollWidth, `${card.className} ${label}`).to.be.at.most(card.clientWidth);
        }
        // Nor into a card's padding: everything in a card ends where its content ends.
        for (const card of all(el, '.card')) {
          const end = card.getBoundingClientRect().right - parseFloat(getComputedStyle(card).paddingRight) - 1;
          for (const inner of card.querySelectorAll('*')) {
            expect(inner.getBoundingClientRect().right, `${inner.className || inner.tagName} in ${card.className} ${label}`).to.be.at.most(end + 0.5);
          }
        }
      }
    }
  });

  it('keeps the “Your tier” badge on one line', async () => {
    await setViewport({ width: 320, height: 800 });
    serveDashboard();
    const el = await mount({ locale: 'pt-BR' });
    const badge = shadow(el).querySelector<HTMLElement>('.badge')!;
    expect(badge.textContent).to.equal('Seu nível');
    expect(getComputedStyle(badge).whiteSpace).to.equal('nowrap');
    expect(badge.getClientRects()).to.have.length(1);
    expect(badge.getBoundingClientRect().height).to.be.below(20);
  });

  it('puts --affdash-color-on-accent on the accent, and pressed chips follow the accent', async () => {
    serveDashboard();
    const el = await mount({ style: '--affdash-color-accent: rgb(253, 224, 71); --affdash-color-on-accent: rgb(17, 17, 17);' });
    const copy = shadow(el).querySelector('[part=copy-button]')!;
    expect(getComputedStyle(copy).color).to.equal('rgb(17, 17, 17)');
    const pressed = all(el, '.chip[aria-pressed=true]');
    expect(pressed.length).to.be.at.least(2);
    for (const chip of pressed) {
      expect(getComputedStyle(chip).backgroundColor).to.equal('rgb(253, 224, 71)');
      expect(getComputedStyle(chip).color).to.equal('rgb(17, 17, 17)');
    }
    expect(getComputedStyle(shadow(el).querySelector('.badge')!).color).to.equal('rgb(17, 17, 17)');
  });

  it('keeps status pills at 4.5:1 or more on a surface the brand sets', async () => {
    const surfaces = [
      { surface: 'rgb(30, 41, 59)', text: 'rgb(248, 250, 252)', theme: 'light' },
      { surface: 'rgb(254, 243, 199)', text: 'rgb(28, 25, 23)', theme: 'dark' },
      { surface: 'rgb(255, 255, 255)', text: 'rgb(27, 29, 36)', theme: 'light' },
    ];
    for (const { surface, text, theme } of surfaces) {
      serveDashboard();
      const el = await mount({ theme, style: `--affdash-color-surface: ${surface}; --affdash-color-text: ${text};` });
      const pills = all(el, '.pill');
      expect(pills.length).to.be.at.least(5);
      for (const pill of pills) {
        const style = getComputedStyle(pill);
        expect(contrast(style.color, style.backgroundColor), `${pill.textContent} on ${surface}`).to.be.at.least(4.5);
      }
    }
  });

  it('the example brand page sets the theme it means: light on its light page, whatever the system', async () => {
    const page = new DOMParser().parseFromString(renderPortal({ apiUrl: API_BASE, memberName: 'Maya Chen', brandName: 'Northwind' }), 'text/html');
    const example = page.querySelector('affiliate-dashboard')!;
    expect(example.getAttribute('theme')).to.equal('light');
    await emulateMedia({ colorScheme: 'dark' });
    serveDashboard();
    const el = await mount({ theme: example.getAttribute('theme')! });
    const card = getComputedStyle(shadow(el).querySelector('.card')!).backgroundColor;
    const pageBackground = /body \{[^}]*background: (#[0-9a-f]{6})/.exec(page.querySelector('style')!.textContent!)![1]!;
    const rgb = pageBackground.match(/[0-9a-f]{2}/g)!.map((h) => parseInt(h, 16));
    expect(contrast(card, `rgb(${rgb.join(', ')})`)).to.be.below(1.2);
  });
});
