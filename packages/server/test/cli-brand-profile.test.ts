import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-run.js';
import { createApiKey, ensureBrand, openRuntime } from '../src/index.js';

const run = runCli;

describe('affdash brand-profile', () => {
  const saved = { ...process.env };
  let dir: string;
  let brandId: string;
  let apiKey: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'affdash-cli-'));
    delete process.env.DATABASE_URL;
    process.env.AFFDASH_DATA_DIR = dir;
    process.env.AFFDASH_SECRET = 'c'.repeat(48);
    const runtime = await openRuntime();
    brandId = await ensureBrand(runtime.db, { name: 'Glow Cosmetics' });
    apiKey = await createApiKey(runtime.db, brandId, 'cli');
    await runtime.db.close();
  });
  afterAll(async () => {
    process.env = saved;
    await rm(dir, { recursive: true, force: true });
  });

  it('changes the profile by brand id, and shows it with the API key', async () => {
    const set = await run([
      'brand-profile', '--brand', brandId, '--accent', '#0B3D2E', '--sender-name', 'Glow Partners',
      '--postal-address', 'Glow GmbH\\nTorstraße 1', '--locale', 'de',
    ]);
    expect(set.code, set.err).toBe(0);
    expect(set.out).toContain('accentColor: "#0b3d2e"');
    expect(set.out).toContain('accentTextColor: "#ffffff"');
    expect(set.out).toContain('postalAddress: "Glow GmbH\\nTorstraße 1"');

    const shown = await run(['brand-profile', '--api-key', apiKey]);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain('emailSenderName: "Glow Partners"');
    expect(shown.out).toContain('defaultLocale: "de"');
    expect(shown.out).toContain('logoUrl: -');

    const cleared = await run(['brand-profile', '--api-key', apiKey, '--accent', '']);
    expect(cleared.out).toContain('accentColor: -');
    expect(cleared.out).toContain('endedEnrollmentAccess: "closed"');
  });

  it('keeps ended enrollments readable with --ended-access read_only, and closes them again', async () => {
    const open = await run(['brand-profile', '--api-key', apiKey, '--ended-access', 'read_only']);
    expect(open.code, open.err).toBe(0);
    expect(open.out).toContain('endedEnrollmentAccess: "read_only"');
    const closed = await run(['brand-profile', '--brand', brandId, '--ended-access', 'closed']);
    expect(closed.out).toContain('endedEnrollmentAccess: "closed"');
    const bad = await run(['brand-profile', '--brand', brandId, '--ended-access', 'sometimes']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/endedEnrollmentAccess/);
  });

  it('says what is wrong with a bad value or an unknown brand', async () => {
    const bad = await run(['brand-profile', '--brand', brandId, '--accent', 'green']);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/accentColor: must be a colour/);
    const unknown = await run(['brand-profile', '--brand', 'brd_nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Brand not found/);
  });
});
