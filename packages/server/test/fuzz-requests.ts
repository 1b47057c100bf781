import { ErrorBody } from '@affdash/core';
import fc from 'fast-check';
import type { Answer, App } from './harness.js';
import { read } from './harness.js';
import { nastyCursor, nastyDate, nastyText, nastyValue, SchemaValues, type Schema } from './fuzz-values.js';

/** One operation of the served OpenAPI document. */
export interface Operation {
  method: string;
  /** OpenAPI form: `/v1/offers/{id}`. */
  path: string;
  security: string[];
  parameters: { name: string; in: 'path' | 'query' | 'header' | 'cookie'; schema: Schema; required?: boolean }[];
  /** The JSON body's schema, when the operation takes one. */
  body: Schema | undefined;
}

/** The credentials and real ids requests are made with. */
export interface Fixture {
  apiKey: string;
  dashboardToken: string;
  /** The hosted page's session cookie value. */
  hostedSession: string;
  /** Real ids by the collection a path names (`offers`, `members`, …, `link`, `slug`). */
  ids: Record<string, string[]>;
  /** Promo codes of the brand's enrollments. */
  promoCodes: string[];
  /** Cursors the API returned, still valid. */
  cursors: string[];
}

/** A generated request, before it is sent. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** Every operation of an OpenAPI document, with `$ref` parameters resolved. */
export function operationsOf(doc: Schema): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries<Schema>(doc.paths)) {
    for (const [method, op] of Object.entries<Schema>(item)) {
      if (!METHODS.includes(method)) continue;
      const security = (op.security ?? doc.security ?? []).flatMap((s: Schema) => Object.keys(s));
      const body = op.requestBody?.content?.['application/json']?.schema;
      operations.push({ method: method.toUpperCase(), path, security, parameters: op.parameters ?? [], body });
    }
  }
  return operations;
}

/** Percent-encodes a path segment, lone surrogates included (as the bytes a careless client sends). */
export function encodeSegment(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

/** Which pool of real ids a path parameter draws from. */
function poolOf(path: string, name: string): string {
  if (name === 'id') return /^\/v1\/([a-z-]+)/.exec(path)?.[1]?.replace('emails', 'messages') ?? 'id';
  if (name === 'offerId') return 'offers';
  if (name === 'enrollmentId') return 'dashboard';
  return name;
}

/** The request arbitrary for the operations and fixture, mostly well-formed, often not. */
export function requests(doc: Schema, operations: Operation[], fixture: Fixture): fc.Arbitrary<FuzzRequest> {
  const hints: Record<string, readonly unknown[]> = {
    currency: ['USD', 'USD', 'EUR', 'JPY', 'KWD'],
    offerId: fixture.ids.offers ?? [],
    memberId: fixture.ids.members ?? [],
    enrollmentId: fixture.ids.enrollments ?? [],
    memberIds: [fixture.ids.members ?? []],
    promoCode: fixture.promoCodes,
  };
  const clean = new SchemaValues(doc, 2, hints);
  const dirty = new SchemaValues(doc, 15, hints);
  const strict = new SchemaValues(doc, 0, hints);
  const bodyValue = (schema: Schema) => fc.oneof(clean.of(schema), dirty.of(schema));
  const values = dirty;
  const garbageId = fc.oneof(
    nastyText,
    fc.string({ maxLength: 30 }),
    fc.stringMatching(/^[a-z]{2,4}_[A-Za-z0-9]{1,20}$/),
    fc.constantFrom('x'.repeat(5_000), '..', '.', '%2F', 'off_x/../../v1/members'),
  );
  const segment = (op: Operation, name: string): fc.Arbitrary<string> => {
    if (name === 'month') {
      return fc.tuple(fc.oneof({ arbitrary: fc.stringMatching(/^\d{4}-\d{2}$/), weight: 2 }, { arbitrary: nastyDate, weight: 3 }, { arbitrary: fc.string({ maxLength: 10 }), weight: 1 }), fc.constantFrom('', '', '.csv', '.json'))
        .map(([m, ext]) => `${m}${ext}`);
    }
    const pool = fixture.ids[poolOf(op.path, name)] ?? [];
    return pool.length
      ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 8 }, { arbitrary: garbageId, weight: 2 })
      : garbageId;
  };
  const queryValue = (name: string, schema: Schema): fc.Arbitrary<string> => {
    if (name === 'cursor') {
      return fixture.cursors.length
        ? fc.oneof({ arbitrary: fc.constantFrom(...fixture.cursors), weight: 3 }, { arbitrary: nastyCursor, weight: 7 })
        : nastyCursor;
    }
    const value = name === 'from' || name === 'to'
      ? fc.oneof({ arbitrary: strict.of(schema), weight: 2 }, { arbitrary: nastyDate, weight: 3 }, { arbitrary: nastyValue, weight: 1 })
      : values.of(schema);
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? ''));
  };
  const credential = (kind: string | undefined): fc.Arbitrary<Record<string, string>> => {
    const garbage = fc.constantFrom({}, { authorization: 'Bearer ' }, { authorization: 'Bearer a.b.c' }, { authorization: 'Basic eDp5' }, {
      authorization: `Bearer ${fixture.apiKey}x`,
    });
    const real =
      kind === 'apiKey' ? { authorization: `Bearer ${fixture.apiKey}` }
      : kind === 'dashboardToken' ? { authorization: `Bearer ${fixture.dashboardToken}` }
      : kind === 'hostedSession' ? { cookie: `affdash_session=${fixture.hostedSession}` }
      : {};
    const wrong = kind === 'apiKey' ? { authorization: `Bearer ${fixture.dashboardToken}` } : { authorization: `Bearer ${fixture.apiKey}` };
    return fc.oneof({ arbitrary: fc.constant(real), weight: 18 }, { arbitrary: garbage, weight: 1 }, { arbitrary: fc.constant(wrong), weight: 1 });
  };
  const body = (schema: Schema | undefined): fc.Arbitrary<{ body?: string; type?: string }> => {
    const raw = fc.constantFrom('{', '[', 'null', '"x"', '{"a":', '\u0000', '{}'.padStart(2_000, '['), '1e999');
    if (!schema) return fc.oneof({ arbitrary: fc.constant({}), weight: 9 }, { arbitrary: raw.map((b) => ({ body: b, type: 'application/json' })), weight: 1 });
    return fc.oneof(
      { arbitrary: bodyValue(schema).map((v) => ({ body: JSON.stringify(v) ?? 'null', type: 'application/json' })), weight: 16 },
      { arbitrary: raw.map((b) => ({ body: b, type: 'application/json' })), weight: 2 },
      { arbitrary: values.of(schema).map((v) => ({ body: JSON.stringify(v) ?? '', type: 'text/plain' })), weight: 1 },
      { arbitrary: fc.constant({}), weight: 1 },
    );
  };
  const headerValue = (name: string): fc.Arbitrary<string> =>
    name.toLowerCase() === 'prefer'
      ? fc.oneof(fc.constantFrom('return=minimal', 'return=representation'), fc.string({ maxLength: 80 }), nastyText)
      : // a fresh key mostly, now and then one used before (a retry, or another request) or a bad one
        fc.oneof({ arbitrary: fc.uuid(), weight: 6 }, { arbitrary: fc.constantFrom('retry-1', 'retry-2'), weight: 2 }, { arbitrary: fc.oneof(fc.string({ maxLength: 250 }), nastyText), weight: 2 });
  const forOperation = (op: Operation): fc.Arbitrary<FuzzRequest> => {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const headerParams = op.parameters.filter((p) => p.in === 'header');
    return fc
      .record({
        path: fc.tuple(...pathParams.map((p) => segment(op, p.name))).map((segments) => {
          let path = op.path;
          pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, encodeSegment(segments[i]!))));
          return path;
        }),
        query: fc.tuple(...queryParams.map((p) => fc.option(queryValue(p.name, p.schema), { nil: undefined, freq: 2 }))),
        extraQuery: fc.option(fc.tuple(fc.constantFrom('limit', 'cursor', 'from', 'x'), fc.oneof(fc.string({ maxLength: 10 }), nastyText)), { freq: 8 }),
        headers: fc.tuple(...headerParams.map((p) => fc.option(headerValue(p.name), { nil: undefined }))),
        auth: credential(op.security[0]),
        body: op.method === 'GET' ? fc.constant({}) : body(op.body),
      })
      .map(({ path, query, extraQuery, headers, auth, body: b }) => {
        const search = new URLSearchParams();
        queryParams.forEach((p, i) => query[i] !== undefined && search.append(p.name, query[i]!));
        if (extraQuery) search.append(extraQuery[0], extraQuery[1]);
        const all: Record<string, string> = { ...auth };
        headerParams.forEach((p, i) => {
          const v = headers[i];
          // a header value is bytes: text fetch cannot send is left out
          if (v !== undefined && /^[\t\x20-\x7e]*$/.test(v)) all[p.name.toLowerCase()] = v;
        });
        if (b.type) all['content-type'] = b.type;
        const qs = search.toString();
        return { method: op.method, path: qs ? `${path}?${qs}` : path, headers: all, ...(b.body !== undefined ? { body: b.body } : {}) };
      });
  };
  return fc.oneof(...operations.map(forOperation));
}

/** Sends a request to the in-process app and reads the whole body (a stream that breaks is an answer too). */
export async function send(app: App, request: FuzzRequest): Promise<Answer | { status: 0; error: string }> {
  try {
    const res = await app.request(request.path, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    return await read(res);
  } catch (error) {
    return { status: 0, error: String(error) };
  }
}

const STACK = /\bat .+\(.*:\d+:\d+\)|node_modules|\.ts:\d+|\n\s+at /;

/** What is wrong with an answer: a 5xx, a broken stream, an error not in the one shape, a stack trace. */
export function problemsOf(request: FuzzRequest, answer: Answer | { status: 0; error: string }): string[] {
  if ('error' in answer) return [`the response broke: ${answer.error}`];
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  const json = (answer.headers.get('content-type') ?? '').includes('application/json');
  if (answer.status >= 400 && (json || request.path.startsWith('/v1/'))) {
    if (!json || !ErrorBody.safeParse(answer.body).success) problems.push('an error body not in the error shape');
  }
  // a script the server serves (the widget, the reference page's) is code, not an answer to read
  const script = (answer.headers.get('content-type') ?? '').includes('javascript');
  if (!script && STACK.test(answer.text)) problems.push('a stack trace in the body');
  return problems;
}
