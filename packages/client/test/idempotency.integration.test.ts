import { describe, expect, it } from 'vitest';
import { createTestServer } from '@affdash/server';
import { Affdash } from '../src/index.js';

describe('a payment retried after a lost answer, against the affdash server', () => {
  it('is recorded once: the retry carries the same key and gets the first answer', async () => {
    const server = await createTestServer();
    try {
      const setup = new Affdash({ apiKey: server.apiKey, baseUrl: server.url });
      const offer = await setup.offers.create({ name: 'Retry', currency: 'USD', commission: { type: 'flat', amount: 500 }, destinationUrl: 'https://shop.example/' });
      const member = await setup.members.create({ name: 'Ana' });
      const enrollment = await setup.enrollments.create({ offerId: offer.id, memberId: member.id });

      // the first attempt reaches the server and writes, but its answer never comes back
      let attempts = 0;
      const lossy: typeof fetch = async (input, init) => {
        const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
        const response = await fetch(input, init);
        if (method === 'POST' && ++attempts === 1) throw new TypeError('socket hang up');
        return response;
      };
      const affdash = new Affdash({ apiKey: server.apiKey, baseUrl: server.url, fetch: lossy });
      const payment = await affdash.payments.create({ enrollmentId: enrollment.id, amount: 1_000, currency: 'USD', method: 'bank' });
      expect(attempts).toBe(2);
      const page = await setup.payments.list({ enrollmentId: enrollment.id });
      expect(page.data.map((p) => p.id)).toEqual([payment.id]);
    } finally {
      await server.close();
    }
  });
});
