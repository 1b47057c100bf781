import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The OpenAPI document as tools outside the project read it: two linters and a type generator
// (docs/openapi.json is the document the server serves; a unit test keeps them equal).
const root = new URL('../', import.meta.url).pathname;
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const document = path.join(root, 'docs/openapi.json');

interface Problem {
  rule: string;
  where: string;
  message: string;
}

function redocly(): { errors: number; warnings: number; problems: Problem[] } {
  const run = spawnSync(bin('redocly'), ['lint', 'docs/openapi.json', '--format=json'], { cwd: root, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as {
    totals: { errors: number; warnings: number };
    problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
  };
  return {
    ...report.totals,
    problems: report.problems.map((p) => ({ rule: p.ruleId, where: p.location[0]?.pointer ?? '', message: p.message })),
  };
}

function spectral(): Problem[] {
  const run = spawnSync(bin('spectral'), ['lint', 'docs/openapi.json', '--format', 'json', '--quiet'], {
    cwd: root,
    encoding: 'utf8',
  });
  const text = run.stdout.trim();
  const results = (text.startsWith('[') ? JSON.parse(text) : []) as { code: string; message: string; path: string[] }[];
  return results.map((r) => ({ rule: r.code, where: r.path.join('.'), message: r.message }));
}

describe('the OpenAPI document', () => {
  it('passes redocly lint (recommended rules) with no error and no warning', () => {
    const report = redocly();
    expect(report.problems).toEqual([]);
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(0);
  });

  it('passes spectral lint (spectral:oas) with no error and no warning', () => {
    expect(spectral()).toEqual([]);
  });

  it('gives a client types it compiles against under tsc --strict', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'affdash-openapi-'));
    execFileSync(bin('openapi-typescript'), [document, '-o', path.join(dir, 'api.ts')], { stdio: 'pipe' });
    writeFileSync(
      path.join(dir, 'client.ts'),
      `import type { components, paths } from './api.js';

type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;

// fields with defaults need not be sent
export const offer: Body<'/v1/offers', 'post'> = {
  name: 'Summer',
  currency: 'EUR',
  commission: { type: 'percent', rateBps: 1000 },
  destinationUrl: 'https://shop.example/summer',
};
export const conversion: Body<'/v1/conversions', 'post'> = {
  enrollmentId: 'enr_1',
  orderId: 'order-1',
  amount: 4200,
  currency: 'EUR',
};
export const batch: Body<'/v1/conversions/batch', 'post'> = { conversions: [conversion] };

// and answers carry them
type Offer = components['schemas']['Offer'];
export const schedule = (o: Offer): 'monthly' | 'biweekly' | 'weekly' => o.payoutSchedule;
export const minimum = (o: Offer): number => o.payoutMinimum;

// every error is one body
type ErrorBody = components['schemas']['ErrorBody'];
export const code = (e: ErrorBody): string => e.error.code;
`,
    );
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: false },
        files: ['client.ts'],
      }),
    );
    const run = spawnSync(bin('tsc'), ['-p', dir], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
