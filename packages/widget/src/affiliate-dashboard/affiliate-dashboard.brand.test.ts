import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Dashboard } from '@affdash/core';
import './affiliate-dashboard.js';
import type { AffiliateDashboard } from './affiliate-dashboard.component.js';
import { API_BASE, makeDashboard, makeToken } from '../../test/fixtures.js';
import { requests, resetApi, serveDashboard, startApi } from '../../test/mock-api.js';

const shadow = (el: AffiliateDashboard) => el.shadowRoot!;
const text = (el: Element | ShadowRoot | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function ready(el: AffiliateDashboard) {
  await waitUntil(() => shadow(el).querySelector('[part=header], .problem'), 'the dashboard never rendered');
  return el;
}

function mount(style = '') {
  return fixture<AffiliateDashboard>(html`<affiliate-dashboard api-base=${API_BASE} locale="en-US" style=${style} .token=${makeToken()}></affiliate-dashboard>`).then(ready);
}

const copyButtons = (el: AffiliateDashboard) => [...shadow(el).querySelectorAll<HTMLButtonElement>('[part~=copy-button]')];

describe('<affiliate-dashboard> with the first screen in the page', () => {
  before(startApi);
  afterEach(resetApi);

  it('paints the first screen from the JSON inside it, with no request', async () => {
    serveDashboard(makeDashboard({ member: { name: 'From the API' } }));
    const inline = makeDashboard({ member: { name: 'From the page' } });
    const el = await fixture<AffiliateDashboard>(html`<affiliate-dashboard api-base=${API_BASE} locale="en-US" .token=${makeToken()}
      ><script type="application/json">${JSON.stringify(inline)}</script></affiliate-dashboard
    >`).then(ready);
    expect(text(shadow(el).querySelector('[part=header]'))).to.contain('From the page');
    expect(requests).to.have.length(0);
    expect(el.querySelector('script')).to.equal(null);
  });

  it('speaks the language of the words inside it from the first paint', async () => {
    const { dashboardMessages } = await import('@affdash/core/messages');
    const inline = { ...makeDashboard(), messages: dashboardMessages('de') };
    const el = await fixture<AffiliateDashboard>(html`<affiliate-dashboard api-base=${API_BASE} locale="de" .token=${makeToken()}
      ><script type="application/json">${JSON.stringify(inline)}</script></affiliate-dashboard
    >`).then(ready);
    expect(text(shadow(el).querySelector('[part=share]'))).to.contain('Teilen');
    expect(requests).to.have.length(0);
  });

  it('reload() asks the API', async () => {
    serveDashboard(makeDashboard({ member: { name: 'From the API' } }));
    const inline = makeDashboard({ member: { name: 'From the page' } });
    const el = await fixture<AffiliateDashboard>(html`<affiliate-dashboard api-base=${API_BASE} locale="en-US" .token=${makeToken()}
      ><script type="application/json">${JSON.stringify(inline)}</script></affiliate-dashboard
    >`).then(ready);
    expect(requests).to.have.length(0);

    await el.reload();
    expect(requests).to.have.length(1);
    expect(text(shadow(el).querySelector('[part=header]'))).to.contain('From the API');
  });
});

describe("<affiliate-dashboard> and the brand's profile", () => {
  before(startApi);
  afterEach(resetApi);

  const branded = (overrides: Partial<Dashboard> = {}) =>
    makeDashboard({
      brand: { name: 'Northwind Coffee', logoUrl: null, accentColor: '#ffd60a', accentTextColor: '#000000' },
      ...overrides,
    });

  it("takes the brand's accent and the text colour on it when the host sets none", async () => {
    serveDashboard(branded());
    const [copy] = copyButtons(await mount());
    expect(getComputedStyle(copy!).backgroundColor).to.equal('rgb(255, 214, 10)');
    expect(getComputedStyle(copy!).color).to.equal('rgb(0, 0, 0)');
  });

  it("keeps the host's accent", async () => {
    serveDashboard(branded());
    const [copy] = copyButtons(await mount('--affdash-color-accent: #0b6e4f'));
    expect(getComputedStyle(copy!).backgroundColor).to.equal('rgb(11, 110, 79)');
  });

  it('says sharing is paused, disables copying and leaves out the "share your code" prompt', async () => {
    const paused = branded({ conversions: { data: [], nextCursor: null } });
    paused.enrollment.status = 'paused';
    serveDashboard(paused);
    const el = await mount();
    const share = text(shadow(el).querySelector('[part=share]'));
    expect(share).to.contain('Sharing is paused');
    for (const button of copyButtons(el)) expect(button.disabled).to.equal(true);
    const conversions = text(shadow(el).querySelector('[part=conversions]'));
    expect(conversions).to.contain('Sharing is paused');
    expect(conversions).not.to.contain('Share your code');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('an ended enrollment the brand keeps readable: a banner with the day it ended, history and payments, nothing to share', async () => {
    const ended = branded({ conversions: { data: [], nextCursor: null } });
    ended.enrollment.status = 'ended';
    ended.enrollment.endedAt = '2026-03-03T15:04:05.000Z';
    serveDashboard(ended);
    const el = await mount('display: block; width: 1000px');
    const banner = shadow(el).querySelector('[role=status].banner');
    expect(text(banner)).to.equal(
      'Your enrollment ended on Mar 3, 2026. Your history and payments stay here to read; your code and link no longer earn commission.',
    );
    expect(text(shadow(el).querySelector('[part=header]'))).to.contain('Ended');
    expect(shadow(el).querySelector('[part=share]')).to.equal(null);
    expect(copyButtons(el)).to.have.length(0);
    const conversions = text(shadow(el).querySelector('[part=conversions]'));
    expect(conversions).to.contain('No conversions yet');
    expect(conversions).not.to.contain('Share your code');
    expect(text(shadow(el).querySelector('[part=payments]'))).to.contain('Payments');
    expect(text(shadow(el).querySelector('[part=stats]'))).to.contain('Paid');
    // the terms take the whole row the Share card leaves
    const grid = shadow(el).querySelector('.grid')!;
    const terms = shadow(el).querySelector<HTMLElement>('[part=terms]')!;
    expect(getComputedStyle(grid).gridTemplateColumns.split(' ')).to.have.length(2);
    expect(terms.getBoundingClientRect().width).to.be.closeTo(grid.getBoundingClientRect().width, 1);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('says when it ended in the reader’s language', async () => {
    const { dashboardMessages } = await import('@affdash/core/messages');
    const ended = branded({ messages: dashboardMessages('de') });
    ended.enrollment.status = 'ended';
    ended.enrollment.endedAt = '2026-03-03T15:04:05.000Z';
    serveDashboard(ended);
    const el = await fixture<AffiliateDashboard>(html`<affiliate-dashboard api-base=${API_BASE} locale="de-DE" .token=${makeToken()}></affiliate-dashboard>`).then(ready);
    expect(text(shadow(el).querySelector('.banner'))).to.match(/^Deine Teilnahme endete am 03\.03\.2026\./);
  });

  it('an active enrollment in a paused offer is paused too; an active one copies', async () => {
    const offerPaused = branded();
    offerPaused.offer.status = 'paused';
    serveDashboard(offerPaused);
    for (const button of copyButtons(await mount())) expect(button.disabled).to.equal(true);
    resetApi();
    serveDashboard(branded());
    const el = await mount();
    expect(text(shadow(el).querySelector('[part=share]'))).not.to.contain('paused');
    for (const button of copyButtons(el)) expect(button.disabled).to.equal(false);
  });
});
