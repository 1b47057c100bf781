import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

// The built @affdash/widget package (run after `npm run build`): what its manifest and exports promise.
const dir = new URL('../packages/widget/', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, dir), 'utf8'));

interface Declaration {
  tagName?: string;
  attributes?: { name: string; fieldName?: string }[];
  members?: { kind: string; name: string; privacy?: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

describe('@affdash/widget package', () => {
  const pkg = read('package.json');

  it('ships a custom-elements.json describing <affiliate-dashboard>', () => {
    expect(pkg.customElements).toBe('custom-elements.json');
    expect(pkg.files).toContain('custom-elements.json');
    const manifest: { modules: { declarations?: Declaration[] }[] } = read(pkg.customElements);
    const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'affiliate-dashboard');
    expect(element).toBeDefined();
    const names = (list: { name: string }[] = []) => list.map((x) => x.name);
    expect(names(element!.attributes).sort()).toEqual(['api-base', 'locale', 'theme', 'token']);
    const publicFields = element!.members!.filter((m) => m.kind === 'field' && m.privacy !== 'private');
    expect(names(publicFields).sort()).toEqual(['apiBase', 'locale', 'theme', 'token', 'tokenProvider']);
    expect(names(element!.events).sort()).toEqual(['affdash-copy', 'affdash-error', 'affdash-load', 'affdash-token-expired']);
    expect(names(element!.cssParts)).toEqual(expect.arrayContaining(['header', 'share', 'code', 'link', 'copy-button', 'terms', 'stats', 'conversions', 'payments']));
    expect(names(element!.cssProperties)).toEqual(expect.arrayContaining(['--affdash-color-accent', '--affdash-color-bg', '--affdash-font-family', '--affdash-radius']));
    expect(names(element!.cssProperties).every((n) => n.startsWith('--affdash-'))).toBe(true);
  });

  it('is valid against the custom elements manifest schema, with paths that resolve and typed events', () => {
    const manifest = read(pkg.customElements);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(require('custom-elements-manifest/schema.json'));
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    const paths: string[] = [];
    const events: { name: string; type?: { text: string } }[] = [];
    for (const module of manifest.modules) {
      paths.push(module.path);
      for (const exported of module.exports ?? []) if (exported.declaration.module) paths.push(exported.declaration.module);
      for (const declaration of module.declarations ?? []) events.push(...(declaration.events ?? []));
    }
    expect(paths.filter((p) => !existsSync(new URL(p, dir)))).toEqual([]);
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => !/^CustomEvent<.+>$/.test(e.type?.text ?? ''))).toEqual([]);
  });

  it('exports every entry it names, with types', () => {
    for (const [entry, target] of Object.entries<string | Record<string, string>>(pkg.exports)) {
      const files = typeof target === 'string' ? [target] : Object.values(target);
      for (const file of files) expect(existsSync(new URL(file, dir)), `${entry}: ${file}`).toBe(true);
    }
    expect(pkg.exports['./react'].types).toBe('./dist/types/react.d.ts');
    expect(pkg.peerDependenciesMeta.react.optional).toBe(true);
  });
});
