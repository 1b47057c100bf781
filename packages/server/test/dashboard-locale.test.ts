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

  it('brings no words for English, another language or none asked for', async () => {
    const get = await firstScreen();
    for (const query of ['?locale=en', '?locale=en-GB', '?locale=nl-NL', '?locale=zh-Hant-TW', '']) {
      const answer = await get(query);
      expect(answer.status, query).toBe(200);
      expect(answer.body, query).not.toHaveProperty('messages');
    }
  });

  it('refuses a locale that is not a language tag', async () => {
    const get = await firstScreen();
    for (const locale of ['d', 'de_DE', 'de-DE;q=1', '<script>', 'de--AT', `de-${'a'.repeat(8)}-${'b'.repeat(60)}`]) {
      expectError(await get(`?locale=${encodeURIComponent(locale)}`), 400, 'validation_failed');
    }
  });
});
