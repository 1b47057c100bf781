// `npm run docs`: writes the endpoint reference of docs/api.md from the routes' definitions
// (the same document /openapi.json serves), and docs/openapi.json beside it. The hand-written
// guides around the reference are kept as they are.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { openApiDocument } = await import(join(root, 'packages/server/dist/routes/index.js'));
const { endpointReference, withReference } = await import(join(root, 'packages/server/dist/openapi/markdown.js'));

const doc = openApiDocument();
const file = join(root, 'docs/api.md');
const before = readFileSync(file, 'utf8');
const after = withReference(before, endpointReference(doc));
writeFileSync(file, after);
writeFileSync(join(root, 'docs/openapi.json'), `${JSON.stringify(doc, null, 2)}\n`);
const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
console.log(`docs/api.md: ${operations} operations${after === before ? ', unchanged' : ', reference rewritten'}; docs/openapi.json written`);
