import { Dashboard } from '@affdash/core';
import { messagesFor } from '@affdash/core/messages';
import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { expectError, useApp } from './harness.js';

describe.each(backends())('dashboard words on $name', (backend) => {
  const t = useApp(backend);

  async function firstScreen() {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const token = await brand.token(enrollment.id);
    return (query: string) => t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}${query}`);
  }

  it('brings the words of a built-in language with the first screen', async () => {
    const get = await firstScreen();
    const answer = await get('?locale=de-DE');
    expect(answer.status).toBe(200);
    expect(answer.body.messages).toEqual({ locale: 'de', words: messagesFor('de') });
    expect(answer.body.messages.words.share).toBe('Teilen');
    expect(Dashboard.parse(answer.body).messages?.locale).toBe('de');
    expect((await get('?locale=pt-BR')).body.messages.words.share).toBe('Compartilhar');
  });

  it('words the terms in the reader’s language, with the way to the next tier', async () => {
    const brand = await t.brand();
    const commission = {
      type: 'tiered',
      basis: 'conversions',
      period: 'month',
      tiers: [
        { from: 0, commission: { type: 'percent', rateBps: 1_000 } },
        { from: 3, commission: { type: 'flat', amount: 2_500 } },
      ],
    };
    const { enrollment } = await brand.setup({ currency: 'EUR', holdDays: 1, commission });
    expect((await brand.convert({ orderId: 'T-1', amount: 10_000, currency: 'EUR', enrollmentId: enrollment.id })).status).toBe(201);
    const token = await brand.token(enrollment.id);
    const get = async (query: string) =>
      (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}${query}`)).body.offer.terms;
    const plain = (terms: Record<string, unknown>) => JSON.parse(JSON.stringify(terms).replace(/\u00a0|\u202f/g, ' '));
    expect(plain(await get('?locale=de-DE'))).toEqual({
      summary: '10 % je Verkauf, ab Bestellung 4 diesen Monat: 25,00 € pro Bestellung',
      holdPeriod: 'Provisionen werden 1 Tag nach dem Verkauf bestätigt.',
      tiers: [
        { range: 'Bestellungen 1–3 diesen Monat', rate: '10 % je Verkauf' },
        { range: 'Bestellungen 4+ diesen Monat', rate: '25,00 € pro Bestellung' },
      ],
      currentTier: 0,
      nextTier: 'Noch 2 Bestellungen bis zur nächsten Stufe',
    });
    expect((await get('?locale=fr-FR')).nextTier).toBe('Encore 2 commandes pour atteindre le palier suivant');
    expect(await get('')).toMatchObject({
      summary: '10% of every sale, rising to €25.00 per order from order 4 this month',
      nextTier: '2 more orders to reach the next tier',
    });
  });

  it('brings the English words for English, another language or none asked for', async () => {
    const get = await firstScreen();
    for (const query of ['?locale=en', '?locale=en-GB', '?locale=nl-NL', '?locale=zh-Hant-TW', '']) {
      const answer = await get(query);
      expect(answer.status, query).toBe(200);
      expect(answer.body.messages, query).toEqual({ locale: 'en', words: messagesFor('en') });
    }
  });

  it('refuses a locale that is not a language tag', async () => {
    const get = await firstScreen();
    for (const locale of ['d', 'de_DE', 'de-DE;q=1', '<script>', 'de--AT', `de-${'a'.repeat(8)}-${'b'.repeat(60)}`]) {
      expectError(await get(`?locale=${encodeURIComponent(locale)}`), 400, 'validation_failed');
    }
  });
});
