import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// What each published package's tarball holds (run after `npm run build`).
const root = new URL('../', import.meta.url).pathname;
const published = ['core', 'client', 'server', 'widget'];

interface Packed {
  files: { path: string }[];
}

function pack(dir: string): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts=false'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return (JSON.parse(out) as Packed[])[0]!.files.map((f) => f.path);
}

describe.each(published)('@affdash/%s tarball', (name) => {
  const dir = path.join(root, 'packages', name);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const files = pack(dir);
  const shipped = new Set(files);

  it('names its licence, home, repository and issues', () => {
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository).toMatchObject({ type: 'git', directory: `packages/${name}` });
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs.url).toMatch(/^https:\/\//);
    expect(pkg.keywords.length).toBeGreaterThan(0);
  });

  it('ships a README and the LICENSE', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
  });

  it('ships no build state and no tests', () => {
    expect(files.filter((f) => f.endsWith('.tsbuildinfo'))).toEqual([]);
    expect(files.filter((f) => /\.test\.[cm]?[jt]s$/.test(f))).toEqual([]);
  });

  it('ships the sources its source maps point at', () => {
    const missing: string[] = [];
    for (const map of files.filter((f) => f.endsWith('.map'))) {
      const { sources, sourcesContent } = JSON.parse(readFileSync(path.join(dir, map), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      sources.forEach((source, i) => {
        if (sourcesContent?.[i]) return;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(map), source));
        if (!shipped.has(target)) missing.push(`${map} → ${source}`);
      });
    }
    expect(missing).toEqual([]);
  });

  it('keeps type packages out of its runtime dependencies', () => {
    expect(Object.keys(pkg.dependencies ?? {}).filter((d) => d.startsWith('@types/'))).toEqual([]);
  });
});
