import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { expectError, useApp } from './harness.js';
import { brandPages } from './pagination.js';

describe.each(backends())('members on $name', (backend) => {
  const t = useApp(backend);

  it('creates, reads, patches part of and lists members', async () => {
    const brand = await t.brand();
    const member = await brand.createMember({ externalId: 'crm-1', metadata: { tier: 'gold' } });
    expect(member).toMatchObject({
      name: 'Maya Lopez',
      email: 'maya@example.com',
      externalId: 'crm-1',
      metadata: { tier: 'gold' },
    });
    expect(member.id).toMatch(/^mem_/);
    expect(await brand.ok('GET', `/v1/members/${member.id}`, undefined, 200)).toEqual(member);

    const patched = await brand.ok('PATCH', `/v1/members/${member.id}`, { email: null }, 200);
    expect(patched).toEqual({ ...member, email: null, updatedAt: patched.updatedAt });
    const renamed = await brand.ok('PATCH', `/v1/members/${member.id}`, { name: 'Maya L.' }, 200);
    expect(renamed).toMatchObject({ name: 'Maya L.', email: null, externalId: 'crm-1', metadata: { tier: 'gold' } });
    expect((await brand.ok('GET', '/v1/members', undefined, 200)).data).toEqual([renamed]);
  });

  it('rejects bad fields without writing', async () => {
    const brand = await t.brand();
    expectError(await brand.call('POST', '/v1/members', { name: '' }), 400, 'validation_failed');
    expectError(await brand.call('POST', '/v1/members', { name: 'A', email: 'not-an-email' }), 400, 'validation_failed');
    const member = await brand.createMember();
    expectError(await brand.call('PATCH', `/v1/members/${member.id}`, { nickname: 'x' }), 400, 'validation_failed');
    expect((await brand.ok('GET', '/v1/members', undefined, 200)).data).toHaveLength(1);
  });

  it('an external id is unique per brand (409), and free in another brand', async () => {
    const a = await t.brand();
    const b = await t.brand();
    await a.createMember({ externalId: 'crm-7' });
    expectError(await a.call('POST', '/v1/members', { name: 'Other', externalId: 'crm-7' }), 409, 'conflict');
    const other = await a.createMember({ name: 'Other' });
    expectError(await a.call('PATCH', `/v1/members/${other.id}`, { externalId: 'crm-7' }), 409, 'conflict');
    await b.createMember({ externalId: 'crm-7' });
    expect((await a.ok('GET', '/v1/members', undefined, 200)).data).toHaveLength(2);
  });

  it('pages through every member once, with no gaps or repeats', async () => {
    const brand = await t.brand();
    const created: string[] = [];
    for (let i = 0; i < 17; i++) created.push((await brand.createMember({ name: `Member ${i}` })).id);
    const pages = await brandPages(brand, '/v1/members', 4);
    expect(pages.map((p) => p.length)).toEqual([4, 4, 4, 4, 1]);
    expect(pages.flat()).toEqual([...created].reverse());
  });

  it("another brand's member is a 404", async () => {
    const a = await t.brand();
    const b = await t.brand();
    const member = await a.createMember();
    expectError(await b.call('GET', `/v1/members/${member.id}`), 404, 'not_found');
    expectError(await b.call('PATCH', `/v1/members/${member.id}`, { name: 'X' }), 404, 'not_found');
    expect((await a.ok('GET', `/v1/members/${member.id}`, undefined, 200)).name).toBe('Maya Lopez');
  });
});
