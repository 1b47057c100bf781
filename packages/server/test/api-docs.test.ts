import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endpointReference, REFERENCE_END, REFERENCE_START, withReference } from '../src/openapi/markdown.js';
import { openApiDocument } from '../src/routes/index.js';

const apiMd = new URL('../../../docs/api.md', import.meta.url);
const documentJson = new URL('../../../docs/openapi.json', import.meta.url);

describe('the endpoint reference in docs/api.md', () => {
  const doc = openApiDocument();

  it('is the one the route definitions make (run `npm run docs` after changing a route)', () => {
    const markdown = readFileSync(apiMd, 'utf8');
    expect(markdown).toContain(REFERENCE_START);
    expect(withReference(markdown, endpointReference(doc))).toBe(markdown);
    expect(JSON.parse(readFileSync(documentJson, 'utf8'))).toEqual(doc);
  });

  it('lists every operation once, under its tag, with its credential and answers', () => {
    const reference = endpointReference(doc);
    const rows = reference.split('\n').filter((line) => line.startsWith('| `'));
    const operations = Object.values(doc.paths as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(rows).toHaveLength(operations);
    expect(reference).toContain('| `POST /v1/offers` | API key | `OfferCreate` → 201 `Offer` |');
    expect(reference).toContain('| `GET /v1/offers?limit=&cursor=` | API key or brand session (`offers`, `members`, `send`) | → `OfferPage` |');
    expect(reference.indexOf('### Offers')).toBeLessThan(reference.indexOf('### Dashboard'));
  });

  it('replaces only its own part of the page', () => {
    const page = `# Guide\n\nIntro.\n\n${REFERENCE_START}\nold\n${REFERENCE_END}\n\n## After\n`;
    expect(withReference(page, `${REFERENCE_START}\nnew\n${REFERENCE_END}`)).toBe(
      `# Guide\n\nIntro.\n\n${REFERENCE_START}\nnew\n${REFERENCE_END}\n\n## After\n`,
    );
  });
});
