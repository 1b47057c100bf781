import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './email-composer.js';
import type { AffdashEmailComposer } from './email-composer.component.js';
import { BRAND_API, OFFER_ID, secretSource, serveBrandApi } from '../../../test/brand-api.js';
import { resetApi, startApi } from '../../../test/mock-api.js';

const root = (el: AffdashEmailComposer) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: AffdashEmailComposer, selector: string) => root(el).querySelector<T>(selector)!;

function button(el: AffdashEmailComposer, label: RegExp) {
  const found = [...root(el).querySelectorAll('button')].find((b) => label.test(text(b)) || label.test(b.getAttribute('aria-label') ?? ''));
  if (!found) throw new Error(`no button ${label}`);
  return found;
}

async function mount(memberIds = ['mem_1', 'mem_2', 'mem_3', 'mem_4'], fetchClientSecret = secretSource()) {
  const el = await fixture<AffdashEmailComposer>(html`<affdash-email-composer
    api-base=${BRAND_API} offer=${OFFER_ID} kind="tracking_items" locale="en-US" poll-interval="50"
    .memberIds=${memberIds} .fetchClientSecret=${fetchClientSecret}></affdash-email-composer>`);
  await waitUntil(() => root(el).querySelector('[data-preview-subject]'), 'the preview never rendered');
  return el;
}

/** The previewed email's document, once its frame holds an email for which `ready` is true. */
async function previewEmail(el: AffdashEmailComposer, ready: (doc: Document) => boolean = () => true): Promise<Document> {
  let doc: Document | null | undefined;
  await waitUntil(() => {
    doc = root(el).querySelector<HTMLIFrameElement>('[data-preview-html]')?.contentDocument;
    return doc?.readyState === 'complete' && doc.querySelector('[data-button]') && ready(doc);
  }, 'the email preview never showed');
  return doc!;
}
const frameText = (doc: Document) => text(doc.body);

async function edit(el: AffdashEmailComposer, id: 'subject' | 'body', value: string) {
  const field = $<HTMLInputElement>(el, `#${id}`);
  field.value = value;
  field.dispatchEvent(new InputEvent('input'));
}

describe('<affdash-email-composer>', () => {
  before(startApi);
  afterEach(resetApi);

  it('shows the pre-generated email with placeholders marked, what each expands to, and who is skipped', async () => {
    serveBrandApi();
    const el = await mount();
    expect($<HTMLInputElement>(el, '#subject').value).to.equal('Your {{offer_name}} code from {{brand_name}}');
    const marks = [...root(el).querySelectorAll('.marked__backdrop mark')].map(text);
    expect(marks).to.include.members(['{{offer_name}}', '{{brand_name}}', '{{member_name}}', '{{promo_code}}', '{{dashboard_link}}']);
    const expansions = text($(el, '.expansions'));
    expect(expansions).to.contain('SPRING-M1').and.contain('https://go.example/d/secret1');
    expect(text($(el, '[data-preview-recipient]'))).to.equal('1 of 2: Ana Silva <m1@example.com> · English');
    expect(text($(el, '[data-preview-subject]'))).to.equal('Your Spring code from Glow');
    const skipped = text($(el, '[data-skipped]'));
    expect(skipped).to.contain('Skipped (2)').and.contain('Cy Tran: no email address').and.contain('Dee Park: opted out');
    expect(text(button(el, /^Send to/))).to.equal('Send to 2');
    await expect(el).to.be.accessible();
  });

  it('keeps the subject’s marks on its words in a narrow field: one line, scrolled with the text', async () => {
    serveBrandApi();
    const el = await mount();
    el.style.width = '320px';
    await edit(el, 'subject', 'A long subject that runs past the field for {{offer_name}} and {{brand_name}} today');
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, '#subject');
    const backdrop = input.previousElementSibling as HTMLElement;
    // as high as the input: the marks never wrap under it
    expect(backdrop.getBoundingClientRect().height).to.equal(input.getBoundingClientRect().height);
    input.scrollLeft = input.scrollWidth;
    await oneEvent(input, 'scroll');
    expect(input.scrollLeft).to.be.greaterThan(0);
    expect(backdrop.scrollLeft).to.equal(input.scrollLeft);
  });

  it("steps through the recipients' own code, link and dashboard link", async () => {
    serveBrandApi();
    const el = await mount();
    button(el, /Next recipient/).click();
    await el.updateComplete;
    expect(text($(el, '[data-preview-recipient]'))).to.contain('2 of 2: Ben Okafor');
    const email = await previewEmail(el, (doc) => frameText(doc).includes('SPRING-M2'));
    expect(frameText(email)).to.contain('Code: SPRING-M2');
    expect(email.querySelector('[data-button]')!.getAttribute('href')).to.equal('https://go.example/d/secret2');
    expect(button(el, /Next recipient/).disabled).to.equal(true);
    button(el, /Plain text/).click();
    await el.updateComplete;
    expect(text($(el, '[data-preview-text]'))).to.contain('Code: SPRING-M2').and.contain('Dashboard: https://go.example/d/secret2');
    button(el, /Previous recipient/).click();
    await el.updateComplete;
    expect(text($(el, '[data-preview-text]'))).to.contain('SPRING-M1');
  });

  it('previews the HTML email as the member sees it: the dashboard button, never its secret URL; the text part a click away', async () => {
    serveBrandApi();
    const el = await mount();
    const email = button(el, /^Email$/);
    const plain = button(el, /^Plain text$/);
    expect(email.getAttribute('aria-pressed')).to.equal('true');
    expect(plain.getAttribute('aria-pressed')).to.equal('false');
    expect(root(el).querySelector('[data-preview-text]')).to.equal(null);
    const frame = $<HTMLIFrameElement>(el, '[data-preview-html]');
    expect(frame.title).to.equal('The email Ana Silva gets');
    // no script runs in it; its links open in a new tab
    expect(frame.getAttribute('sandbox')!.split(' ')).to.not.include('allow-scripts');
    const doc = await previewEmail(el);
    expect(doc.querySelector('base')!.getAttribute('target')).to.equal('_blank');
    const cta = doc.querySelector<HTMLAnchorElement>('[data-button]')!;
    expect(text(cta)).to.equal('Open your dashboard');
    expect(cta.getAttribute('href')).to.equal('https://go.example/d/secret1');
    expect(getComputedStyle(cta).backgroundColor).to.equal('rgb(11, 110, 79)');
    expect(frameText(doc)).to.contain('SPRING-M1').and.not.contain('https://go.example/d/secret1');
    expect(frame.getBoundingClientRect().height).to.be.greaterThan(300);
    await expect(el).to.be.accessible();

    plain.click();
    await el.updateComplete;
    expect(plain.getAttribute('aria-pressed')).to.equal('true');
    expect(root(el).querySelector('[data-preview-html]')).to.equal(null);
    expect(text($(el, '[data-preview-text]'))).to.contain('Dashboard: https://go.example/d/secret1');
    email.click();
    await el.updateComplete;
    await previewEmail(el);
  });

  it('re-renders the preview as the email is edited; a chip inserts a placeholder at the caret; a wrong one is named', async () => {
    const api = serveBrandApi();
    const el = await mount();
    await edit(el, 'subject', 'Spring is here, {{member_name}}');
    await waitUntil(() => text($(el, '[data-preview-subject]')) === 'Spring is here, Ana Silva', 'the preview did not follow the edit');

    const body = $<HTMLTextAreaElement>(el, '#body');
    body.focus();
    body.value = 'Use ';
    body.dispatchEvent(new InputEvent('input'));
    body.setSelectionRange(4, 4);
    $<HTMLButtonElement>(el, '[data-placeholder=promo_code]').click();
    await el.updateComplete;
    expect(body.value).to.equal('Use {{promo_code}}');
    await previewEmail(el, (doc) => text(doc.querySelector('p')) === 'Use SPRING-M1');

    await edit(el, 'body', 'Hi {{nickname}}');
    await waitUntil(() => text($(el, '#body-error')).includes('{{nickname}}'), 'the unknown placeholder was not named');
    expect($(el, '#body').getAttribute('aria-invalid')).to.equal('true');
    expect(button(el, /^Send to/).disabled).to.equal(true);
    expect(api.sends).to.have.length(0);
  });

  it('sends a test of the edited email to the staff user', async () => {
    const api = serveBrandApi();
    const el = await mount();
    await edit(el, 'subject', 'Spring is here, {{member_name}}');
    button(el, /Send me a test/).click();
    await waitUntil(() => text($(el, '.note')) === 'Test sent to rosa@glow.example', 'no test note');
    // an edited subject sends the body as it stands too: the brand's email, in its words
    expect(api.tests).to.deep.equal([{ subject: 'Spring is here, {{member_name}}', body: $<HTMLTextAreaElement>(el, '#body').value }]);
    expect(api.sends).to.have.length(0);
  });

  it('sends the default text unedited, so each member reads it in their own language; an edit goes to all as written', async () => {
    const api = serveBrandApi();
    const el = await mount();
    expect(text($(el, '[data-text-note]'))).to.equal('The default text: each member gets it in their own language.');
    expect(text($(el, '[data-preview-language]'))).to.equal('English');
    button(el, /Next recipient/).click();
    await el.updateComplete;
    expect(text($(el, '[data-preview-language]'))).to.equal('German');
    expect(text($(el, '[data-preview-subject]'))).to.equal('Dein Spring-Code von Glow');

    await edit(el, 'body', 'Hi {{member_name}}, the spring sale starts Monday. Code: {{promo_code}}');
    await el.updateComplete;
    expect(text($(el, '[data-text-note]'))).to.contain('Your text goes to every member as written.');
    button(el, /Use the default text/).click();
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#body').value).to.equal('Hi {{member_name}},\n\nCode: {{promo_code}}\nLink: {{tracking_link}}\nDashboard: {{dashboard_link}}');
    expect(text($(el, '[data-text-note]'))).to.equal('The default text: each member gets it in their own language.');
    await expect(el).to.be.accessible();

    // the default again: neither field goes, so each member reads the default in their language
    button(el, /^Send to/).click();
    await waitUntil(() => api.sends.length === 1, 'nothing was sent');
    expect(api.sends[0]!.body).to.deep.equal({ memberIds: ['mem_1', 'mem_2', 'mem_3', 'mem_4'] });
    await waitUntil(() => api.messages.length === 2, 'no messages');
    expect(api.messages.map((m) => m.subject)).to.deep.equal(['Your Spring code from Glow', 'Dein Spring-Code von Glow']);
  });

  it('sends an edited email to everyone as written, its subject and body together', async () => {
    const api = serveBrandApi();
    const el = await mount();
    await edit(el, 'subject', 'Spring sale for {{member_name}}');
    await el.updateComplete;
    button(el, /Next recipient/).click();
    await waitUntil(() => text($(el, '[data-preview-subject]')) === 'Spring sale for Ben Okafor', 'the preview did not follow the edit');
    // the body as it stands goes with the subject: one email in one language, not half of each
    button(el, /^Send to/).click();
    await waitUntil(() => api.sends.length === 1, 'nothing was sent');
    expect(api.sends[0]!.body).to.deep.equal({
      memberIds: ['mem_1', 'mem_2', 'mem_3', 'mem_4'],
      subject: 'Spring sale for {{member_name}}',
      body: 'Hi {{member_name}},\n\nCode: {{promo_code}}\nLink: {{tracking_link}}\nDashboard: {{dashboard_link}}',
    });
    await waitUntil(() => api.messages.length === 2, 'no messages');
    expect(api.messages.map((m) => m.subject)).to.deep.equal(['Spring sale for Ana Silva', 'Spring sale for Ben Okafor']);
  });

  it('sends once: a double click is one request, a retry after a lost answer reuses the key', async () => {
    const api = serveBrandApi();
    const el = await mount();
    api.failNextSend = true;
    const send = button(el, /^Send to/);
    send.click();
    send.click();
    await waitUntil(() => text($(el, '.note')).length > 0, 'the failure was not shown');
    expect(api.sends).to.have.length(1);
    const sent = oneEvent(el, 'affdash-sent');
    button(el, /^Send to/).click();
    const event = await sent;
    expect(api.sends).to.have.length(2);
    expect(api.sends[1]!.key).to.equal(api.sends[0]!.key);
    expect(api.sends[0]!.key).to.match(/^composer-/);
    expect(api.messages).to.have.length(2); // the first attempt's messages were not written twice
    expect(event.detail.queued.map((q: { to: string }) => q.to)).to.deep.equal(['m1@example.com', 'm2@example.com']);
    expect(api.sends[0]!.body).to.deep.include({ memberIds: ['mem_1', 'mem_2', 'mem_3', 'mem_4'] });
  });

  it('shows each message’s status live, and resends the failed ones', async () => {
    const api = serveBrandApi();
    const el = await mount();
    button(el, /^Send to/).click();
    await waitUntil(() => root(el).querySelectorAll('[part=status] tbody tr').length === 2, 'no status rows');
    const row = (i: number) => text(root(el).querySelectorAll('[part=status] tbody tr')[i]);
    expect(row(0)).to.contain('Ana Silva').and.contain('m1@example.com').and.contain('Queued');
    Object.assign(api.messages[0]!, { status: 'sent' });
    Object.assign(api.messages[1]!, { status: 'failed', lastError: '550 mailbox unavailable' });
    await waitUntil(() => row(1).includes('Failed'), 'the failure never showed');
    expect(row(0)).to.contain('Sent');
    expect(row(1)).to.contain('550 mailbox unavailable');
    await expect(el).to.be.accessible();
    const polls = api.calls.filter((c) => c === 'GET /v1/emails/messages').length;
    await new Promise((r) => setTimeout(r, 200));
    expect(api.calls.filter((c) => c === 'GET /v1/emails/messages').length).to.equal(polls); // nothing queued: polling stopped

    button(el, /Resend failed \(1\)/).click();
    await waitUntil(() => row(1).includes('Queued'), 'the resend was not shown');
    expect(api.calls).to.include('POST /v1/emails/messages/resend');
    Object.assign(api.messages[1]!, { status: 'sent' });
    await waitUntil(() => row(1).includes('Sent'), 'the resent message never showed as sent');
  });

  it('asks for a new client secret after a 401 and retries the request', async () => {
    const api = serveBrandApi();
    const secrets = secretSource();
    api.expireNext = true;
    await mount(['mem_1'], secrets);
    expect(secrets.calls).to.equal(2);
    expect(api.secrets.slice(0, 2)).to.deep.equal(['Bearer affdash_bs_test1', 'Bearer affdash_bs_test2']);
    expect(api.secrets.at(-1)).to.equal('Bearer affdash_bs_test2');
  });

  it('works from the keyboard: Tab to Send and press Enter', async () => {
    const api = serveBrandApi();
    const el = await mount(['mem_1']);
    button(el, /Send me a test/).focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.getAttribute('part')).to.equal('send-button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => api.sends.length === 1, 'Enter did not send');
  });

  it('the Send button is in the accent the page sets, with the text colour on it; indigo only when none is set', async () => {
    serveBrandApi();
    const plain = await mount(['mem_1']);
    expect(getComputedStyle($(plain, '[part=send-button]')).backgroundColor).to.equal('rgb(79, 70, 229)');
    const wrapper = await fixture<HTMLDivElement>(html`<div style="--affdash-color-accent: #0b6e4f; --affdash-color-on-accent: #ffffff">
      <affdash-email-composer api-base=${BRAND_API} offer=${OFFER_ID} kind="tracking_items" locale="en-US" theme="light"
        .memberIds=${['mem_1']} .fetchClientSecret=${secretSource()}></affdash-email-composer></div>`);
    const el = wrapper.querySelector<AffdashEmailComposer>('affdash-email-composer')!;
    await waitUntil(() => root(el).querySelector('[data-preview-subject]'), 'the preview never rendered');
    const send = $(el, '[part=send-button]');
    expect(getComputedStyle(send).backgroundColor).to.equal('rgb(11, 110, 79)');
    expect(getComputedStyle(send).borderColor).to.equal('rgb(11, 110, 79)');
    expect(getComputedStyle(send).color).to.equal('rgb(255, 255, 255)');
  });

  it('speaks the five languages', async () => {
    serveBrandApi();
    for (const [locale, word] of [['es', 'Enviarme una prueba'], ['fr', 'M’envoyer un test'], ['de', 'Test an mich senden'], ['pt-BR', 'Enviar um teste para mim']]) {
      const el = await fixture<AffdashEmailComposer>(html`<affdash-email-composer api-base=${BRAND_API} offer=${OFFER_ID}
        locale=${locale} .memberIds=${['mem_1']} .fetchClientSecret=${secretSource()}></affdash-email-composer>`);
      await waitUntil(() => root(el).querySelector('[data-preview-subject]'));
      expect(text(button(el, new RegExp(word!)))).to.equal(word);
    }
  });
});
