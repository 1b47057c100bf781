import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './offers.js';
import type { AffdashOffers } from './offers.component.js';
import type { AffdashEmailComposer } from '../email-composer/email-composer.component.js';
import { BRAND_API, OFFER_ID, secretSource, serveBrandApi } from '../../../test/brand-api.js';
import { resetApi, startApi } from '../../../test/mock-api.js';

const root = (el: Element) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mount() {
  const el = await fixture<AffdashOffers>(html`<affdash-offers api-base=${BRAND_API} locale="en-US" .fetchClientSecret=${secretSource()}></affdash-offers>`);
  await waitUntil(() => root(el).querySelector('tbody tr'), 'the offers never rendered');
  return el;
}

describe('<affdash-offers>', () => {
  before(startApi);
  afterEach(resetApi);

  it('lists the offers with members, conversions, sales and commission', async () => {
    serveBrandApi();
    const el = await mount();
    const spring = text(root(el).querySelector(`tr[data-offer=${OFFER_ID}]`));
    expect(spring).to.contain('Spring').and.contain('Active').and.contain('5').and.contain('37').and.contain('$4,123.50').and.contain('$412.35');
    expect(text(root(el).querySelector('tr[data-offer=off_winter]'))).to.contain('Paused').and.contain('$0.00');
    await expect(el).to.be.accessible();
  });

  it('tells which offer was chosen', async () => {
    serveBrandApi();
    const el = await mount();
    const chosen = oneEvent(el, 'affdash-offer-select');
    [...root(el).querySelectorAll<HTMLButtonElement>('tbody button')].find((b) => text(b) === 'Winter')!.click();
    expect((await chosen).detail).to.deep.equal({ offerId: 'off_winter' });
  });

  it("the three-dot menu, from the keyboard, opens Email members for the offer", async () => {
    const api = serveBrandApi();
    const el = await mount();
    root(el).querySelector<HTMLButtonElement>(`[data-menu=${OFFER_ID}]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('[role=menu]'));
    expect(text((root(el) as ShadowRoot).activeElement)).to.equal('Email members');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('dialog[open] affdash-email-composer'), 'the drawer did not open');
    const composer = root(el).querySelector<AffdashEmailComposer>('affdash-email-composer')!;
    await waitUntil(() => composer.shadowRoot!.querySelector('[data-preview-subject]'));
    expect(composer.kind).to.equal('members_message');
    expect(api.calls).to.include(`GET /v1/offers/${OFFER_ID}/emails/members-message/template`);
    await expect(el).to.be.accessible();
  });
});
