import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from '@databases/pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enroll, inProcessApi } from '../src/cli/brand-commands.js';
import { createDeps } from '../src/index.js';
import { backends } from './backends.js';
import { PUBLIC_URL, SECRET, useApp } from './harness.js';

const { sql } = pg;

describe.each(backends())('CLI brand commands on $name send Idempotency-Key', (backend) => {
  const t = useApp(backend);
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('`enroll --csv` run twice with the same --idempotency-key creates each member and enrollment once', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer();
    const dir = await mkdtemp(join(tmpdir(), 'affdash-cli-'));
    const csv = join(dir, 'members.csv');
    await writeFile(csv, 'name,email\nAna,ana@example.com\nBen,ben@example.com\n');
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const api = inProcessApi({ deps: createDeps(t.db, { secret: SECRET, publicUrl: PUBLIC_URL, widgetFile: undefined }) }, brand.apiKey);

    await enroll(api, offer.id, { csv, 'idempotency-key': 'import-1' });
    const first = lines.splice(0);
    await enroll(api, offer.id, { csv, 'idempotency-key': 'import-1' });
    expect(lines).toEqual(first);
    expect(process.exitCode).toBeUndefined();
    const [members] = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM members WHERE brand_id = ${brand.brandId}`);
    const [enrollments] = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM enrollments WHERE brand_id = ${brand.brandId}`);
    expect({ members: members!.n, enrollments: enrollments!.n }).toEqual({ members: 2, enrollments: 2 });

    // without one, each request still carries a fresh key of its own
    await api.call('POST', '/v1/members', { name: 'Cy' });
    const keys = await t.db.query<{ key: string }>(sql`SELECT key FROM idempotency_keys WHERE brand_id = ${brand.brandId} ORDER BY created_at, key`);
    expect(keys.map((k) => k.key)).toEqual(expect.arrayContaining(['import-1:member:2', 'import-1:member:3', 'import-1:enroll:1']));
    expect(keys.filter((k) => k.key.startsWith('affdash-cli-'))).toHaveLength(1);
  });
});
