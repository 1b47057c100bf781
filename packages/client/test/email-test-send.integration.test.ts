import { createTestServer, type Mailer, type OutgoingEmail } from '@affdash/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Affdash, InvalidInputError } from '../src/index.js';

describe('the SDK: send me a test', () => {
  const sent: OutgoingEmail[] = [];
  const mailer: Mailer = {
    description: 'kept in memory',
    async send(message) {
      sent.push(message);
      return { providerId: `<${message.id}@affdash.test>` };
    },
    close() {},
  };
  let server: Awaited<ReturnType<typeof createTestServer>>;
  let affdash: Affdash;
  beforeAll(async () => {
    server = await createTestServer({ brandName: 'Glow & Co.', mailer });
    affdash = new Affdash({ apiKey: server.apiKey, baseUrl: server.url });
  });
  afterAll(() => server?.close());

  it('sends each email for a sample member to the given address, and queues nothing', async () => {
    const offer = await affdash.offers.create({
      name: 'Autumn',
      currency: 'EUR',
      commission: { type: 'flat', amount: 500 },
      holdDays: 0,
      destinationUrl: 'https://shop.example/autumn',
    });
    const items = await affdash.emails.trackingItems.test(offer.id, { to: 'me@glow.example' });
    expect(items).toEqual({
      to: 'me@glow.example',
      subject: '[Test] Your Autumn code and links from Glow & Co.',
      providerId: expect.stringMatching(/@affdash\.test>$/),
    });
    const news = await affdash.emails.membersMessage.test(offer.id, { to: 'me@glow.example', locale: 'fr', subject: 'Salut {{first_name}}' });
    expect(news.subject).toBe('[Test] Salut Alex');
    expect(sent.map((m) => m.to)).toEqual(['me@glow.example', 'me@glow.example']);
    expect(sent[1]!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(sent[1]!.html).toContain('Ouvrir votre tableau de bord');
    const messages = [];
    for await (const m of affdash.emails.messages.list({ offerId: offer.id })) messages.push(m);
    expect(messages).toEqual([]);
    await expect(affdash.emails.trackingItems.test(offer.id, { to: 'nope' })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
