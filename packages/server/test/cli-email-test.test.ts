import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, useCliDataFolder } from './cli-run.js';
import { createApiKey, createApp, ensureBrand, openRuntime } from '../src/index.js';

const run = runCli;

describe('affdash email … --test-to', () => {
  const folder = useCliDataFolder('e'.repeat(48));
  let apiKey: string;
  let offerId: string;

  beforeAll(async () => {
    const runtime = await openRuntime();
    const brandId = await ensureBrand(runtime.db, { name: 'Glow Cosmetics' });
    apiKey = await createApiKey(runtime.db, brandId, 'cli');
    const res = await createApp(runtime.deps).request('/v1/offers', {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Summer Glow',
        currency: 'USD',
        commission: { type: 'percent', rateBps: 1000 },
        holdDays: 0,
        destinationUrl: 'https://shop.example',
      }),
    });
    offerId = ((await res.json()) as { id: string }).id;
    await runtime.db.close();
  });

  it('sends a test for a sample member in the language asked for, and queues nothing', async () => {
    const sent = await run(['email', 'tracking-items', '--api-key', apiKey, '--offer', offerId, '--test-to', 'me@glow.example', '--locale', 'de']);
    expect(sent.code, sent.err).toBe(0);
    expect(sent.out).toBe('sent a test to me@glow.example: [Test] Dein Code und deine Links für Summer Glow von Glow Cosmetics\n');
    const files = await readdir(path.join(folder.dir, 'outbox'));
    expect(files).toHaveLength(1);
    const mail = await simpleParser(await readFile(path.join(folder.dir, 'outbox', files[0]!)));
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('me@glow.example');
    expect(mail.text).toContain('Hallo Alex,');
    const status = await run(['email', 'status', '--api-key', apiKey, '--offer', offerId]);
    expect(status.out).toBe('');
    const bad = await run(['email', 'members-message', '--api-key', apiKey, '--offer', offerId, '--test-to', 'nope']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/400/);
  });
});
