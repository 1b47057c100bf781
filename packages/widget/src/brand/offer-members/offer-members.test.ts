import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './offer-members.js';
import type { AffdashOfferMembers } from './offer-members.component.js';
import type { AffdashEmailComposer } from '../email-composer/email-composer.component.js';
import { BRAND_API, OFFER_ID, secretSource, serveBrandApi } from '../../../test/brand-api.js';
import { resetApi, startApi } from '../../../test/mock-api.js';

const root = (el: Element) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: AffdashOfferMembers) => [...root(el).querySelectorAll('tbody tr[data-member]')].map((r) => r.getAttribute('data-member'));

function button(el: Element, label: RegExp) {
  const found = [...root(el).querySelectorAll('button')].find((b) => label.test(text(b)) || label.test(b.getAttribute('aria-label') ?? ''));
  if (!found) throw new Error(`no button ${label}`);
  return found;
}
const checkbox = (el: AffdashOfferMembers, label: string) => root(el).querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!;
const click = async (el: AffdashOfferMembers, input: HTMLInputElement) => {
  input.click();
  await el.updateComplete;
};

async function mount() {
  const el = await fixture<AffdashOfferMembers>(html`<affdash-offer-members api-base=${BRAND_API} offer=${OFFER_ID} locale="en-US"
    .fetchClientSecret=${secretSource()}></affdash-offer-members>`);
  await waitUntil(() => root(el).querySelector('tbody tr'), 'the members never rendered');
  return el;
}

describe('<affdash-offer-members>', () => {
  before(startApi);
  afterEach(resetApi);

  it("lists the offer's members with code, links, last emailed and status", async () => {
    const api = serveBrandApi();
    const el = await mount();
    expect(rows(el)).to.deep.equal(['mem_1', 'mem_2', 'mem_3', 'mem_4', 'mem_5']);
    const first = text(root(el).querySelector('tr[data-member=mem_1]'));
    expect(first).to.contain('Ana Silva').and.contain('m1@example.com').and.contain('SPRING-M1')
      .and.contain('https://go.example/t/slug1').and.contain('https://go.example/d/secret1').and.contain('Nov 20, 2026').and.contain('Active');
    expect(text(root(el).querySelector('tr[data-member=mem_2]'))).to.contain('Never');
    expect(text(root(el).querySelector('tr[data-member=mem_3]'))).to.contain('No email');
    expect(text(root(el).querySelector('tr[data-member=mem_4]'))).to.contain('Opted out');
    expect(api.secrets[0]).to.equal('Bearer affdash_bs_test1');
    await expect(el).to.be.accessible();
  });

  it('searches and filters on the server: never sent, sent before a date, status, opted out', async () => {
    const api = serveBrandApi();
    const el = await mount();
    const search = root(el).querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'okafor';
    search.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => rows(el).join() === 'mem_2', 'the search did not narrow the list');
    expect(api.urls.at(-1)!).to.contain('q=okafor');
    search.value = '';
    search.dispatchEvent(new InputEvent('input'));
    const filter = root(el).querySelector<HTMLSelectElement>('select')!;
    const choose = async (value: string, expected: string) => {
      filter.value = value;
      filter.dispatchEvent(new Event('change'));
      await waitUntil(() => rows(el).join() === expected, `filter ${value} gave ${rows(el).join()}`);
    };
    await choose('never', 'mem_2,mem_3,mem_4,mem_5');
    expect(api.urls.at(-1)!).to.contain('neverEmailed=true');
    await choose('paused', 'mem_5');
    await choose('optedOut', 'mem_4');
    filter.value = 'before';
    filter.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const date = root(el).querySelector<HTMLInputElement>('input[type=date]')!;
    date.value = '2026-11-21';
    date.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(el).join() === 'mem_1', 'sent before a date');
    expect(api.urls.at(-1)!).to.contain('emailedBefore=2026-11-21T00%3A00%3A00.000Z');
    date.value = '2026-11-19';
    date.dispatchEvent(new Event('change'));
    await waitUntil(() => root(el).querySelector('tr.empty'), 'no empty state');
  });

  it('selects one, many, the page, or all matching across pages', async () => {
    const members = serveBrandApi().members;
    for (let n = 6; n <= 60; n++) members.push({ ...members[1]!, memberId: `mem_${n}`, name: `Member ${n}` });
    const el = await mount();
    expect(rows(el)).to.have.length(50);
    const send = root(el).querySelector<HTMLButtonElement>('[part=send-button]')!;
    expect(send.disabled).to.equal(true);
    await click(el, checkbox(el, 'Select Ana Silva'));
    await click(el, checkbox(el, 'Select Ben Okafor'));
    expect(el.selectedMemberIds).to.deep.equal(['mem_1', 'mem_2']);
    expect(text(send)).to.contain('2');
    await click(el, checkbox(el, 'Select Ana Silva'));
    expect(el.selectedMemberIds).to.deep.equal(['mem_2']);
    await click(el, checkbox(el, 'Select all on this page'));
    expect(el.selectedMemberIds).to.have.length(50);
    button(el, /Select all matching/).click();
    await waitUntil(() => el.selectedMemberIds.length === 60, 'all matching were not selected');
    expect(text(root(el).querySelector('.selection'))).to.contain('All 60 matching members selected');
    button(el, /Clear selection/).click();
    await el.updateComplete;
    expect(el.selectedMemberIds).to.deep.equal([]);
  });

  it('opens the send drawer for the selection, and Email members for everyone', async () => {
    const api = serveBrandApi();
    const el = await mount();
    await click(el, checkbox(el, 'Select Ana Silva'));
    await click(el, checkbox(el, 'Select Cy Tran'));
    root(el).querySelector<HTMLButtonElement>('[part=send-button]')!.click();
    await waitUntil(() => root(el).querySelector('dialog[open] affdash-email-composer'), 'the drawer did not open');
    const composer = root(el).querySelector<AffdashEmailComposer>('affdash-email-composer')!;
    await waitUntil(() => composer.shadowRoot!.querySelector('[data-preview-subject]'));
    expect(composer.memberIds).to.deep.equal(['mem_1', 'mem_3']);
    expect(text(composer.shadowRoot!.querySelector('[data-skipped]'))).to.contain('Cy Tran: no email address');
    await expect(el).to.be.accessible();
    button(el, /^Close$/).click();
    await waitUntil(() => !root(el).querySelector('dialog'), 'the drawer did not close');

    button(el, /More actions/).click();
    await el.updateComplete;
    const item = [...root(el).querySelectorAll<HTMLButtonElement>('[role=menuitem]')].find((b) => text(b) === 'Email members')!;
    item.click();
    await waitUntil(() => root(el).querySelector('dialog[open] affdash-email-composer[kind=members_message]'), 'Email members did not open');
    const all = root(el).querySelector<AffdashEmailComposer>('affdash-email-composer')!;
    await waitUntil(() => all.shadowRoot!.querySelector('[data-preview-subject]'));
    expect(text(all.shadowRoot!.querySelector('#composer-title'))).to.equal('Email members');
    expect(api.calls).to.include('GET /v1/offers/off_spring1/emails/members-message/template');
  });

  it("the drawer's Send button is in the accent the page sets (the console sets the brand's)", async () => {
    serveBrandApi();
    document.documentElement.style.setProperty('--affdash-color-accent', '#0b6e4f');
    document.documentElement.style.setProperty('--affdash-color-on-accent', '#ffffff');
    try {
      const el = await mount();
      expect(getComputedStyle(root(el).querySelector('[part=send-button]')!).backgroundColor).to.equal('rgb(11, 110, 79)');
      button(el, /More actions/).click();
      await el.updateComplete;
      [...root(el).querySelectorAll<HTMLButtonElement>('[role=menuitem]')].find((b) => text(b) === 'Email members')!.click();
      await waitUntil(() => root(el).querySelector('dialog[open] affdash-email-composer'), 'the drawer did not open');
      const composer = root(el).querySelector<AffdashEmailComposer>('affdash-email-composer')!;
      await waitUntil(() => composer.shadowRoot!.querySelector('[data-preview-subject]'));
      const send = composer.shadowRoot!.querySelector<HTMLButtonElement>('[part=send-button]')!;
      expect(send.disabled).to.equal(false);
      expect(getComputedStyle(send).backgroundColor).to.equal('rgb(11, 110, 79)');
      expect(getComputedStyle(send).color).to.equal('rgb(255, 255, 255)');
    } finally {
      document.documentElement.style.removeProperty('--affdash-color-accent');
      document.documentElement.style.removeProperty('--affdash-color-on-accent');
    }
  });

  it('adds members from pasted lines, then shows them with their codes', async () => {
    const api = serveBrandApi();
    const el = await mount();
    button(el, /^Add members$/).click();
    await el.updateComplete;
    const area = root(el).querySelector<HTMLTextAreaElement>('#add-text')!;
    area.value = 'name,email\nFay Lin,fay@example.com\n"Gus, Jr.",gus@example.com\n';
    button(el, /^Add$/).click();
    await waitUntil(() => rows(el).includes('mem_7'), 'the new members never showed');
    expect(api.members.slice(5).map((m) => [m.name, m.email])).to.deep.equal([
      ['Fay Lin', 'fay@example.com'],
      ['Gus, Jr.', 'gus@example.com'],
    ]);
    expect(text(root(el).querySelector('#add [role=status]'))).to.equal('2 added, 0 failed');
  });

  it('works from the keyboard: the three-dot menu opens, arrows move, Escape closes', async () => {
    serveBrandApi();
    const el = await mount();
    const menuButton = root(el).querySelector<HTMLButtonElement>('#menu-button')!;
    menuButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('[role=menu]'));
    expect(menuButton.getAttribute('aria-expanded')).to.equal('true');
    expect(text(root(el).activeElement)).to.equal('Email members');
    await sendKeys({ press: 'ArrowDown' });
    expect(text(root(el).activeElement)).to.equal('Copy all dashboard links as CSV');
    await sendKeys({ press: 'ArrowDown' });
    expect(text(root(el).activeElement)).to.equal('Email members');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(root(el).querySelector('[role=menu]')).to.equal(null);
    expect(root(el).activeElement).to.equal(menuButton);

    const box = checkbox(el, 'Select Ben Okafor');
    box.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.selectedMemberIds).to.deep.equal(['mem_2']);
  });

  it('speaks the five languages', async () => {
    serveBrandApi();
    for (const [locale, word] of [['es', 'Añadir miembros'], ['fr', 'Ajouter des membres'], ['de', 'Mitglieder hinzufügen'], ['pt-BR', 'Adicionar membros']]) {
      const el = await fixture<AffdashOfferMembers>(html`<affdash-offer-members api-base=${BRAND_API} offer=${OFFER_ID} locale=${locale}
        .fetchClientSecret=${secretSource()}></affdash-offer-members>`);
      await waitUntil(() => root(el).querySelector('tbody tr'));
      expect(text(button(el, new RegExp(`^${word!}$`)))).to.equal(word);
    }
  });
});
