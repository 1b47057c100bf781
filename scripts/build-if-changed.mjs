// `npm start`'s build step: runs `npm run build` only when a source of the build changed since
// the last one (or an output is missing), so a warm start does not rebuild what it has.
// The fingerprint is each input file's path, size and modification time.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules/.cache/affdash-build.json');
const inputs = [
  'package.json',
  'package-lock.json',
  'tsconfig.base.json',
  'tsconfig.json',
  'rollup.config.mjs',
  ...['core', 'client', 'server', 'widget'].flatMap((p) => [`packages/${p}/src`, `packages/${p}/package.json`, `packages/${p}/tsconfig.json`]),
];
const outputs = [
  'packages/core/dist/index.js',
  'packages/client/dist/index.js',
  'packages/server/dist/index.js',
  'packages/widget/dist/affdash-widget.js',
  'packages/widget/custom-elements.json',
];

function walk(path, into) {
  const full = join(root, path);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    for (const name of readdirSync(full).sort()) walk(join(path, name), into);
  } else {
    into.update(`${path}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
}

const hash = createHash('sha256');
for (const input of inputs) walk(input, hash);
const fingerprint = hash.digest('hex');
const previous = existsSync(stamp) ? JSON.parse(readFileSync(stamp, 'utf8')).fingerprint : undefined;
const built = outputs.every((o) => existsSync(join(root, o)));

if (previous === fingerprint && built) {
  console.log('affdash: build is up to date');
} else {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, JSON.stringify({ fingerprint }));
}
