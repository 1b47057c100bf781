import fc from 'fast-check';

/** A JSON Schema node of the OpenAPI document (3.1: plain JSON Schema). */
export type Schema = Record<string, any>;

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Text PostgreSQL cannot store, or that has tripped parsers: lone surrogates, NUL, control bytes. */
export const nastyText = fc.constantFrom(
  '\udfff',
  '\ud800',
  'a\udc00b',
  '\udc00\ud800',
  '\u0000',
  'nul\u0000byte',
  '\u202e\u0007\b',
  '\u{1F600}',
  '%00',
  "'; DROP TABLE offers;--",
  '{{member_name}}',
  '<script>alert(1)</script>',
  ' ',
  '',
  'x'.repeat(5_000),
);

/** Numbers around every limit: past 2^53, past bigint, fractions, negatives, the amount cap. */
export const nastyNumber = fc.constantFrom(
  -1,
  0,
  0.5,
  1.5,
  -0,
  99,
  101,
  365,
  366,
  10_000,
  10_001,
  1e12,
  1e12 + 1,
  2 ** 31,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 63,
  9.3e18,
  1e308,
  Number.MAX_VALUE,
  Number.MIN_SAFE_INTEGER,
);

/** Days and times at and past the edges of what is stored, and ones that do not exist. */
export const nastyDate = fc.constantFrom(
  '0000-01-01',
  '0001-01-01',
  '1969-12-31',
  '1970-01-01',
  '2026-02-30',
  '2025-02-29',
  '2024-02-29',
  '9999-12-31',
  '10000-01-01',
  '+275760-09-13',
  '2026-13',
  '0000-01',
  '9999-12',
  '2026-11',
  '0000-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '9998-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59.999Z',
  '2026-02-30T10:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-11-25T10:00:00+14:00',
  '2026-11-25T24:00:00Z',
);

/** Cursors a client could craft: pairs of odd times and ids, other JSON, not base64 at all. */
export const nastyCursor = fc.oneof(
  fc.constantFrom(
    encode(['1', 'x']),
    encode(['2026-02-30T00:00:00.000Z', 'cnv_1']),
    encode(['+275760-09-13T00:00:00.000Z', 'cnv_1']),
    encode(['0000-01-01T00:00:00.000Z', 'cnv_1']),
    encode(['9999-12-31T23:59:59.999999Z', 'off_zz']),
    encode(['2026-01-01T00:00:00.000Z', '\udfff']),
    encode({}),
    encode(null),
    'zzz',
    '',
  ),
  fc.tuple(fc.oneof(nastyDate, fc.string()), fc.oneof(fc.string(), nastyText, fc.integer())).map(encode),
  fc.jsonValue().map(encode),
  fc.string({ maxLength: 40 }),
);

/** Any value a client could put in a JSON field in place of the right one. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyText,
  nastyNumber,
  nastyDate,
  fc.constantFrom(null, true, [], {}, [null], { '': '' }),
  fc.jsonValue({ maxDepth: 2 }),
);

const ABSENT = Symbol('absent');

/** Generates values for a JSON Schema: mostly valid, now and then a nasty one in any place. */
export class SchemaValues {
  constructor(
    private readonly root: Schema,
    /** Weight of a nasty value at each node, out of 100. */
    private readonly nastiness = 12,
    /** Real values for properties of these names (ids, promo codes, currencies), drawn most of the time. */
    private readonly hints: Record<string, readonly unknown[]> = {},
  ) {}

  private resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; s?.$ref && i < 20; i++) {
      s = s.$ref
        .slice(2)
        .split('/')
        .reduce((node: any, key: string) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], this.root);
    }
    return s ?? {};
  }

  /** `valid` now and then replaced by `nasty`, by this generator's nastiness. */
  private nasty<T>(valid: fc.Arbitrary<T>, nasty: fc.Arbitrary<T>): fc.Arbitrary<T> {
    if (this.nastiness === 0) return valid;
    return fc.oneof({ arbitrary: valid, weight: 100 - this.nastiness }, { arbitrary: nasty, weight: this.nastiness });
  }

  /** Values for `schema`, with nasty ones mixed in. */
  of(schema: Schema | undefined, depth = 0, name?: string): fc.Arbitrary<unknown> {
    const hint = name !== undefined ? this.hints[name] : undefined;
    const resolved = this.resolve(schema ?? {});
    let valid = this.valid(resolved, depth);
    if (hint?.length) valid = fc.oneof({ arbitrary: fc.constantFrom(...hint), weight: 4 }, { arbitrary: valid, weight: 1 });
    // a nasty value of the right type gets past type checks to the rules behind them
    const type = resolved.type ?? (resolved.properties ? 'object' : undefined);
    const typed = type === 'string' ? fc.oneof(nastyText, nastyDate) : type === 'integer' || type === 'number' ? nastyNumber : nastyValue;
    return this.nasty(valid, fc.oneof({ arbitrary: typed, weight: 3 }, { arbitrary: nastyValue, weight: 1 }));
  }

  private valid(s: Schema, depth: number): fc.Arbitrary<unknown> {
    if (depth > 16) return fc.constant(null);
    if ('const' in s) return fc.constant(s.const);
    if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
    const union = s.anyOf ?? s.oneOf;
    if (Array.isArray(union) && union.length) return fc.oneof(...union.map((u: Schema) => this.of(u, depth + 1)));
    if (Array.isArray(s.allOf) && s.allOf.length) return this.of(s.allOf[0], depth + 1);
    const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];
    if (type.length > 1) return fc.oneof(...type.map((t: string) => this.valid({ ...s, type: t }, depth)));
    switch (type[0]) {
      case 'string':
        return this.string(s);
      case 'integer':
        return fc.integer({ min: Math.max(s.minimum ?? -1_000, -(2 ** 31)), max: Math.min(s.maximum ?? 1_000_000, 2 ** 31) });
      case 'number':
        return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(this.of(s.items, depth + 1), {
          minLength: Math.min(s.minItems ?? 0, 3),
          maxLength: Math.max(Math.min(s.maxItems ?? 4, 4), Math.min(s.minItems ?? 0, 3)),
        });
      case 'object':
        return this.object(s, depth);
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  }

  private string(s: Schema): fc.Arbitrary<string> {
    if (s.format === 'date-time') {
      return fc.date({ min: new Date('1960-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
    }
    if (s.format === 'email') return fc.emailAddress();
    if (s.format === 'uri') return fc.webUrl({ validSchemes: ['https', 'http'] });
    if (typeof s.pattern === 'string') {
      try {
        return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 200));
      } catch {
        // a pattern fast-check cannot generate from: any string
      }
    }
    return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40), unit: 'grapheme' });
  }

  private object(s: Schema, depth: number): fc.Arbitrary<unknown> {
    const properties: Record<string, Schema> = s.properties ?? {};
    const required: string[] = s.required ?? [];
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    // an optional property is sent 40 % of the time, so that properties exclusive of each
    // other (a promo code, a click id, an enrollment id) still meet alone often
    for (const [key, prop] of Object.entries(properties)) {
      const value = this.of(prop, depth + 1, key);
      record[key] = required.includes(key) ? value : fc.oneof({ arbitrary: fc.constant(ABSENT), weight: 3 }, { arbitrary: value, weight: 2 });
    }
    const known = fc.record(record).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== ABSENT)));
    const extra =
      s.additionalProperties && typeof s.additionalProperties === 'object'
        ? fc.dictionary(this.nasty(fc.string({ maxLength: 10 }), nastyText), this.of(s.additionalProperties, depth + 1), { maxKeys: 3 })
        : this.nastiness
          ? fc.oneof({ arbitrary: fc.constant({}), weight: 9 }, { arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), nastyValue, { maxKeys: 2 }), weight: 1 })
          : fc.constant({});
    return fc.tuple(known, extra).map(([k, e]) => ({ ...e, ...(k as object) }));
  }
}
