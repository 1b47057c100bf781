import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { useApp } from './harness.js';

describe.each(backends())('conversion history under concurrent status changes on $name', (backend) => {
  const t = useApp(backend);

  it('lists 40 simultaneous rejections and reinstatements in the order they were applied', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const { body: conversion } = await brand.convert({ orderId: 'H-1', amount: 5_000, enrollmentId: enrollment.id });
    const changes = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? { status: 'rejected', reason: `returned ${i}` } : { status: 'pending' },
    );
    const answers = await Promise.all(changes.map((change) => brand.call('PATCH', `/v1/conversions/${conversion.id}`, change)));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));

    const { data: events } = await brand.ok('GET', `/v1/conversions/${conversion.id}/events`, undefined, 200);
    const chain = events.map((e: any) => `${e.fromStatus ?? '∅'}→${e.toStatus}`);
    expect(chain[0]).toBe('∅→pending');
    // each change starts from the status the one listed before it left
    for (let i = 1; i < events.length; i++) {
      expect({ i, chain: chain.slice(i - 1, i + 1) }).toEqual({
        i,
        chain: [chain[i - 1], `${events[i - 1].toStatus}→${events[i].toStatus}`],
      });
      expect(events[i].at >= events[i - 1].at).toBe(true);
    }
    expect(events.length).toBeGreaterThan(1);
    const final = await brand.ok('GET', `/v1/conversions/${conversion.id}`, undefined, 200);
    expect(final.status).toBe(events.at(-1).toStatus);
  });
});
