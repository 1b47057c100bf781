// custom-elements.json from the components' JSDoc: `npm run build` writes it, the package ships it.
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Lit's `static properties = { x: { state: true } }` declares internal reactive state, which the
 * analyzer lists as public fields with attributes: keep them private and attribute-less.
 */
function litInternalState() {
  return {
    name: 'affdash-lit-internal-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.text);
      if (!declaration) return;
      for (const member of node.members) {
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'properties') continue;
        if (!member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const property of member.initializer.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const state = property.initializer.properties.some(
            (p) => ts.isPropertyAssignment(p) && p.name.getText() === 'state' && p.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (!state) continue;
          const name = property.name.getText();
          declaration.attributes = declaration.attributes?.filter((a) => a.fieldName !== name);
          for (const field of declaration.members ?? []) {
            if (field.name !== name) continue;
            field.privacy = 'private';
            delete field.attribute;
          }
        }
      }
    },
  };
}

/** `@summary` runs to the next tag: its first paragraph is the summary, the rest the description. */
function summaryParagraph() {
  return {
    name: 'affdash-summary-paragraph',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const [summary, ...rest] = declaration.summary?.split(/\n\s*\n/) ?? [];
          if (!rest.length || declaration.description) continue;
          declaration.summary = summary.replace(/\s*\n\s*/g, ' ');
          declaration.description = rest.join('\n\n');
        }
      }
    },
  };
}

/**
 * Module paths as the package ships them: package-relative (`src/…/x.ts`), never `/src/…`,
 * `./…` relative to another module, or a `.js` name of a `.ts` source.
 */
function packagePaths() {
  const normalize = (from, ref) => {
    if (!ref) return ref;
    let target = ref.startsWith('./') || ref.startsWith('../') ? path.posix.join(path.posix.dirname(from), ref) : ref;
    target = path.posix.normalize(target.replace(/^\/+/, ''));
    const ts = target.replace(/\.js$/, '.ts');
    return ts !== target && existsSync(ts) ? ts : target;
  };
  return {
    name: 'affdash-package-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        const fix = (reference) => {
          if (reference?.module) reference.module = normalize(module.path, reference.module);
        };
        for (const exported of module.exports ?? []) fix(exported.declaration);
        for (const declaration of module.declarations ?? []) {
          fix(declaration.superclass);
          for (const member of declaration.members ?? []) fix(member.inheritedFrom);
        }
      }
    },
  };
}

export default {
  globs: [
    'src/index.ts',
    'src/affiliate-dashboard/affiliate-dashboard*.ts',
    'src/brand.ts',
    'src/brand/*/*.ts',
  ],
  exclude: ['**/*.test.ts', '**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [litInternalState(), summaryParagraph(), packagePaths()],
};
