import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import ts from 'typescript';

const root = dirname(fileURLToPath(import.meta.url));
const widget = join(root, 'packages/widget');
const input = join(widget, 'src/index.ts');
const brandInput = join(widget, 'src/brand.ts');
const tsconfig = join(widget, 'tsconfig.json');

/** zod 4 is full of annotations and cycles rollup warns about; everything else is worth seeing. */
function onwarn(warning, warn) {
  if (warning.code === 'INVALID_ANNOTATION' || warning.code === 'CIRCULAR_DEPENDENCY') return;
  warn(warning);
}

/**
 * Emits the widget's `.d.ts` files into dist/types with the TypeScript API. Core is read from
 * its sources (the `@affdash/source` condition), so only the widget's own files are written.
 */
function widgetDeclarations() {
  return {
    name: 'widget-declarations',
    writeBundle() {
      const outDir = join(widget, 'dist/types');
      rmSync(outDir, { recursive: true, force: true });
      const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile);
      const parsed = ts.parseJsonConfigFileContent(config, ts.sys, widget);
      const options = {
        ...parsed.options,
        noEmit: false,
        declaration: true,
        emitDeclarationOnly: true,
        declarationDir: outDir,
        rootDir: join(widget, 'src'),
      };
      const files = parsed.fileNames.filter((f) => f.startsWith(join(widget, 'src')) && !f.endsWith('.test.ts'));
      const program = ts.createProgram(files, options);
      for (const file of files) {
        const source = program.getSourceFile(file);
        const result = program.emit(source, undefined, undefined, true);
        const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
        if (errors.length) {
          throw new Error(ts.formatDiagnostics(errors, {
            getCanonicalFileName: (f) => f,
            getCurrentDirectory: () => root,
            getNewLine: () => '\n',
          }));
        }
      }
      this.info?.(`declarations in ${relative(root, outDir)}`);
    },
  };
}

/**
 * Private custom properties (`--_accent`, …) get short names; the public `--affdash-*` keep
 * theirs. The names are given from a scan of the sources (most used first, then by name), not
 * in the order rollup happens to transform files, so every build is byte for byte the same.
 */
function privatePropertyNames(dir) {
  const counts = new Map();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const source = readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8');
    for (const [name] of source.matchAll(/--_[\w-]+/g)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const names = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
  return new Map(names.map((name, i) => [name, `--_${i.toString(36)}`]));
}
const privateProperties = privatePropertyNames(join(widget, 'src'));
const shortProperty = (name) => privateProperties.get(name) ?? name;

/** Shrinks CSS in css`` and collapses line breaks in html``/svg`` static text. */
function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/--_[\w-]+/g, shortProperty)
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/ ([*/]) /g, '$1')
    .replace(/([ :,(])0\./g, '$1.')
    .trim();
}

/** Line breaks with their indentation: gone next to a tag, one space elsewhere. */
function minifyMarkup(text) {
  return text.replace(/\s*\n\s*/g, (ws, at) => (text[at - 1] === '>' || text[at + ws.length] === '<' ? '' : ' '));
}

/**
 * Minifies the static text of Lit's tagged templates in the widget's sources: the parts
 * between `${…}` only, found with the TypeScript parser, so code and expressions are untouched.
 */
function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!id.startsWith(join(widget, 'src')) || !id.endsWith('.ts')) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const edits = [];
      const visit = (node) => {
        if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
          const tag = node.tag.text;
          const minify = tag === 'css' ? minifyCss : tag === 'html' || tag === 'svg' ? minifyMarkup : undefined;
          const t = node.template;
          const parts = minify
            ? ts.isNoSubstitutionTemplateLiteral(t)
              ? [t]
              : [t.head, ...t.templateSpans.map((span) => span.literal)]
            : [];
          if (tag === 'css' && parts.length > 1) parts.length = 0; // expressions in CSS: leave as is
          for (const part of parts) {
            // The raw text sits between the delimiters: ` or } before, ` or ${ after.
            const start = part.getStart(file) + 1;
            const end = part.getEnd() - (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
            edits.push([start, end, minify(code.slice(start, end))]);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      if (!edits.length) return null;
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

/**
 * Writes `<file>.gz` (gzip -9) and `<file>.br` (brotli q11) beside each emitted chunk, so the
 * server sends the widget compressed without compressing it per request.
 */
function precompress() {
  return {
    name: 'affdash-precompress',
    async writeBundle(options, bundle) {
      const { gzipSync, brotliCompressSync, constants } = await import('node:zlib');
      const { readFile, writeFile } = await import('node:fs/promises');
      for (const [name, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const file = join(dirname(options.file), name);
        const source = await readFile(file);
        await writeFile(`${file}.gz`, gzipSync(source, { level: 9 }));
        await writeFile(
          `${file}.br`,
          brotliCompressSync(source, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
            },
          }),
        );
      }
    },
  };
}

const typescript = () => esbuild({ target: 'es2022', tsconfig, sourceMap: true });
/** Lit and its parts, left as imports in the builds for bundlers. */
const lit = (id) => /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/|$)/.test(id);
/** The widget's sources, core read from its own (the `@affdash/source` condition), templates minified. */
const sources = () => [nodeResolve({ browser: true, exportConditions: ['@affdash/source'] }), minifyTemplates(), typescript()];
// Three passes, getters without side effects, unused trailing parameters dropped: the widget and
// Lit read no Function.length and have no getter called for its effect alone.
const minify = () =>
  terser({ ecma: 2022, module: true, compress: { passes: 3, pure_getters: true, keep_fargs: false }, format: { comments: false } });

/** One self-contained file for a <script type="module"> tag (Lit included), precompressed beside it. */
const oneFile = (entry, file) => ({
  input: entry,
  onwarn,
  plugins: [...sources(), minify(), precompress()],
  output: { file: join(widget, 'dist', file), format: 'es', sourcemap: true },
});

/** For bundlers: Lit stays an import so an app shares one copy. */
const forBundlers = (entry, file, extra = []) => ({
  input: entry,
  onwarn,
  external: lit,
  plugins: [...sources(), ...extra],
  output: { file: join(widget, 'dist', file), format: 'es', sourcemap: true },
});

export default [
  // the member widget: its elements registered on import
  oneFile(input, 'affdash-widget.js'),
  forBundlers(input, 'index.js', [widgetDeclarations()]),
  // The brand components (@affdash/widget/brand), a second entry so the member widget's size is untouched.
  oneFile(brandInput, 'affdash-brand.js'),
  forBundlers(brandInput, 'brand.js'),
  // The React wrapper: React, @lit/react and the elements (./index.js, ./brand.js) stay imports.
  {
    input: join(widget, 'src/react.ts'),
    onwarn,
    external: (id) => id === './index.js' || id === './brand.js' || /^(react|@lit\/react)(\/|$)/.test(id),
    plugins: [typescript()],
    output: { file: join(widget, 'dist/react.js'), format: 'es', sourcemap: true },
  },
];
