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

  it('paints the first screen from the JSON inside it, with no request; reload() asks the API', async () => {
    serveDashboard(makeDashboard({ member: { name: 'From the API' } }));
    const inline = makeDashboard({ member: { name: 'From the page' } });
    const el = await fixture<AffiliateDashboard>(html`<affiliate-dashboard api-base=${API_BASE} locale="en-US" .token=${makeToken()}
      ><script type="application/json">${JSON.stringify(inline)}</script></affiliate-dashboard
    >`).then(ready);
    expect(text(shadow(el).querySelector('[part=header]'))).to.contain('From the page');
    expect(requests).to.have.length(0);
    expect(el.querySelector('script')).to.equal(null);

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
