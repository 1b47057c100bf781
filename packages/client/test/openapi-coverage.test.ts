import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The SDK against the API's one definition (docs/openapi.json, which the server's routes make
// and a server test keeps current): every request the SDK can make is a documented operation,
// and every operation a brand's backend calls has its SDK method, but for those listed here.
const documentFile = new URL('../../../docs/openapi.json', import.meta.url);
const resources = new URL('../src/resources/', import.meta.url);

/** Operations of the brand API the SDK leaves to others, with why. */
const notInSdk: Record<string, string> = {};

/** `v1/offers/${id}/emails` and `/v1/offers/{offerId}/emails` both become `/v1/offers/{}/emails`. */
const shape = (path: string) => `/${path.replace(/^\//, '')}`.replace(/\$\{[^}]+\}|\{[^}]+\}/g, '{}');

/** Each `METHOD /path` the SDK's resources request, read from their source. */
function sdkRequests(): Set<string> {
  const found = new Set<string>();
  for (const file of readdirSync(resources)) {
    const source = readFileSync(new URL(file, resources), 'utf8');
    for (const [, method, path] of source.matchAll(/this\._(get|post|patch|put|delete)\(\s*(?:path)?[`']([^`']+)[`']/g)) {
      if (path!.startsWith('${base}')) continue;
      found.add(`${method!.toUpperCase()} ${shape(path!)}`);
    }
    // lists page through GETs
    for (const [, path] of source.matchAll(/this\._list\([\s\S]*?path:\s*(?:path)?[`']([^`']+)[`']/g)) {
      found.add(`GET ${shape(path!)}`);
    }
    // requests built as objects (`{ method: 'POST', path: 'v1/conversions' }`)
    for (const [, method, path] of source.matchAll(/method:\s*'([A-Z]+)'(?: as const)?,\s*path:\s*(?:path)?[`']([^`']+)[`']/g)) {
      found.add(`${method} ${shape(path!)}`);
    }
    // a month's statement: `${base}/${month}` and `${base}/${month}.csv` on one documented path
    for (const [, base] of source.matchAll(/const base = path`([^`]+)`/g)) found.add(`GET ${shape(`${base}/{}`)}`);
  }
  return found;
}

/** Each documented operation, with the credentials that may call it. */
function documented(): Map<string, string[]> {
  const doc = JSON.parse(readFileSync(documentFile, 'utf8')) as {
    paths: Record<string, Record<string, { security: Record<string, string[]>[] }>>;
  };
  const operations = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      operations.set(`${method.toUpperCase()} ${shape(path)}`, op.security.flatMap((s) => Object.keys(s)));
    }
  }
  return operations;
}

describe('the SDK and the OpenAPI document', () => {
  const sdk = sdkRequests();
  const operations = documented();

  it('reads the requests of every resource', () => {
    expect(sdk.size).toBeGreaterThan(50);
    expect(sdk).toContain('POST /v1/payments');
    expect(sdk).toContain('GET /v1/dashboard/enrollments/{}/statements/{}');
  });

  it('only makes requests the API documents', () => {
    expect([...sdk].filter((request) => !operations.has(request))).toEqual([]);
  });

  it('has a method for every operation of the brand API and the dashboard API', () => {
    const missing = [...operations]
      .filter(([, security]) => security.includes('apiKey') || security.includes('dashboardToken'))
      .map(([operation]) => operation)
      .filter((operation) => !sdk.has(operation) && !(operation in notInSdk));
    expect(missing).toEqual([]);
  });
});
