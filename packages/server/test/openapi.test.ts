import { DASHBOARD_AUDIENCE } from '@affdash/core';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import { routeExtras } from '../src/openapi/document.js';
import { apiRoutes, openApiDocument } from '../src/routes/index.js';
import { backends } from './backends.js';
import { PUBLIC_URL, call, useApp, type App } from './harness.js';

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `GET /v1/offers/{id}` for each route the app registered (middleware left out). */
function appOperations(app: App): Set<string> {
  return new Set(
    app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}')}`),
  );
}

/** The definitions served but left out of the document (`hide`: the same page under a second path). */
function hiddenOperations(): string[] {
  return apiRoutes()
    .openAPIRegistry.definitions.flatMap((d) => (d.type === 'route' ? [d.route] : []))
    .filter((route) => routeExtras(route)?.hide)
    .map((route) => `${route.method.toUpperCase()} ${route.path}`);
}

function documentOperations(doc: Json): Set<string> {
  const operations = new Set<string>();
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const method of Object.keys(item)) {
      if (METHODS.includes(method)) operations.add(`${method.toUpperCase()} ${path}`);
    }
  }
  return operations;
}

/** Every `$ref` in the document, with where it was found. */
function refs(value: unknown, at = '#'): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === '$ref' && typeof v === 'string' ? [[v, at] as [string, string]] : refs(v, `${at}/${key}`),
  );
}

/** Resolves a local JSON pointer (`#/components/schemas/Offer`). */
function resolve(doc: Json, pointer: string): unknown {
  if (!pointer.startsWith('#/')) return undefined;
  return pointer
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<any>((node, key) => (node && typeof node === 'object' ? node[key] : undefined), doc);
}

describe('the OpenAPI document', () => {
  const doc = openApiDocument();

  it('documents Idempotency-Key on every POST and PATCH of the brand API, and nowhere else', () => {
    const keyed: string[] = [];
    const brandWrites: string[] = [];
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const [method, op] of Object.entries<Json>(item)) {
        if (!METHODS.includes(method)) continue;
        const name = `${method.toUpperCase()} ${path}`;
        if ((op.parameters ?? []).some((p: Json) => p.in === 'header' && p.name === 'Idempotency-Key')) keyed.push(name);
        if ((method === 'post' || method === 'patch') && op.security?.some((s: Json) => 'apiKey' in s)) brandWrites.push(name);
      }
    }
    expect(keyed).toEqual(brandWrites);
    expect(keyed).toEqual(expect.arrayContaining(['POST /v1/payments', 'PATCH /v1/conversions/{id}', 'POST /v1/dashboard-keys']));
  });

  it('is OpenAPI 3.1 with every $ref resolving', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(50);
    const broken = all.filter(([ref]) => resolve(doc, ref) === undefined).map(([ref, at]) => `${at}: ${ref}`);
    expect(broken).toEqual([]);
  });

  it('gives every operation a unique id, a summary, security, path parameters and responses', () => {
    const ids = new Set<string>();
    const schemes = Object.keys((doc.components as Json).securitySchemes);
    for (const [path, item] of Object.entries<Json>(doc.paths as Json)) {
      for (const [method, op] of Object.entries<Json>(item)) {
        const where = `${method} ${path}`;
        expect(ids.has(op.operationId), where).toBe(false);
        ids.add(op.operationId);
        expect(op.summary, where).toBeTruthy();
        expect(Array.isArray(op.security), where).toBe(true);
        for (const requirement of op.security) expect(schemes, where).toEqual(expect.arrayContaining(Object.keys(requirement)));
        const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => name);
        const declared = (op.parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => p.name);
        expect(declared, where).toEqual(inPath);
        const statuses = Object.keys(op.responses);
        expect(statuses.some((s) => /^[23]\d\d$/.test(s)), where).toBe(true);
        for (const response of Object.values<Json>(op.responses)) expect(response.description, where).toBeTruthy();
        expect(op.responses.default.content['application/json'].schema.$ref, where).toBe('#/components/schemas/ErrorBody');
      }
    }
  });

  it('describes the one error body', () => {
    const body = (doc.components as Json).schemas.ErrorBody;
    expect(body.required).toEqual(['error']);
    const error = body.properties.error;
    expect(error.required).toEqual(['code', 'message']);
    expect(Object.keys(error.properties)).toEqual(['code', 'message', 'details', 'requestId']);
  });

  it('takes request bodies as input and describes answers as output', () => {
    const schemas = (doc.components as Json).schemas;
    const post = (doc.paths as Json)['/v1/offers'].post;
    expect(post.security).toEqual([{ apiKey: [] }]);
    expect(post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/OfferCreate');
    expect(post.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/Offer');
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['400', '401', '413']));
    // a default makes a field optional on the way in and present on the way out
    expect(schemas.OfferCreate.required).not.toContain('payoutSchedule');
    expect(schemas.Offer.required).toContain('payoutSchedule');
    // a body that is also an answer gets a component of its own
    const put = (doc.paths as Json)['/v1/brand/allowed-origins'].put;
    expect(put.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/AllowedOriginsInput');
    // a named schema inside another is a reference
    expect(schemas.OfferPage.properties.data.items).toEqual({ $ref: '#/components/schemas/Offer' });
  });

  it('lists query fields as parameters and marks who may call', () => {
    const paths = doc.paths as Json;
    const list = paths['/v1/conversions'].get;
    const names = list.parameters.map((p: Json) => `${p.in}:${p.name}`);
    expect(names).toEqual(['query:limit', 'query:cursor', 'query:enrollmentId', 'query:status', 'query:from', 'query:to']);
    expect(list.parameters.every((p: Json) => p.required === false)).toBe(true);
    expect(paths['/v1/dashboard/enrollments/{enrollmentId}'].get.security).toEqual([{ dashboardToken: [] }]);
    expect(paths['/t/{slug}'].get.security).toEqual([]);
    expect(paths['/openapi.json'].get.security).toEqual([]);
  });

  it("shows a conversion batch's items as ConversionCreate, though the route takes any item", () => {
    const schemas = (doc.components as Json).schemas;
    const post = (doc.paths as Json)['/v1/conversions/batch'].post;
    expect(post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/ConversionBatchCreate');
    expect(schemas.ConversionBatchCreate.properties.conversions).toMatchObject({
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      items: { $ref: '#/components/schemas/ConversionCreate' },
    });
    expect(schemas.ConversionCreate.required).toEqual(expect.arrayContaining(['orderId', 'amount']));
  });
});

describe.each(backends())('OpenAPI and JWKS on $name', (backend) => {
  const t = useApp(backend);

  it('documents every route the app serves, and nothing else', async () => {
    const answer = await call(t.app, 'GET', '/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const doc = answer.body as Json;
    expect(doc.servers).toEqual([{ url: PUBLIC_URL }]);
    const served = appOperations(t.app);
    const documented = documentOperations(doc);
    expect([...served].filter((op) => !documented.has(op)), 'served but not documented').toEqual(hiddenOperations());
    expect([...documented].filter((op) => !served.has(op)), 'documented but not served').toEqual([]);
  });

  it('publishes the token-signing public key as a JWKS, with no private part', async () => {
    const answer = await call<JSONWebKeySet>(t.app, 'GET', '/.well-known/jwks.json');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('public, max-age=300');
    expect(answer.body.keys).toHaveLength(1);
    const [key] = answer.body.keys;
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: expect.stringMatching(/^srv_/) });
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) expect(key).not.toHaveProperty(member);
  });

  it('verifies a token the server minted, and leaves brands\' HS256 keys out', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const dashboardKey = await brand.ok('POST', '/v1/dashboard-keys', undefined, 201);
    const token = await brand.token(enrollment.id);
    const jwks = (await call<JSONWebKeySet>(t.app, 'GET', '/.well-known/jwks.json')).body;

    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      audience: DASHBOARD_AUDIENCE,
    });
    expect(payload.sub).toBe(enrollment.id);
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid: jwks.keys[0]!.kid });
    expect(decodeProtectedHeader(token).kid).toBe(jwks.keys[0]!.kid);

    expect(jwks.keys.map((k) => k.kid)).not.toContain(dashboardKey.id);
    expect(JSON.stringify(jwks)).not.toContain(dashboardKey.secret);
    await expect(
      jwtVerify(token, createLocalJWKSet(jwks), { audience: 'someone-else' }),
    ).rejects.toThrow();
  });
});
