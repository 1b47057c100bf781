import { z } from 'zod';
import { bodySchemas, responseSchemas, sharedSchemas, type BodyName } from './schemas.js';

export type Json = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';
export const ref = (name: string) => ({ $ref: `${COMPONENTS}${name}` });

/** A body schema's component name: its own, unless a response already has that name. */
export const inputName = (name: BodyName) => (name in responseSchemas ? `${name}Input` : name);

/**
 * A record keyed by an enum (`z.record(z.enum([...]), …)`) has exactly those keys: say so with
 * `properties`, which every tool reads, instead of `propertyNames` beside `required`.
 */
const enumRecords: Override = ({ jsonSchema }) => {
  const keys = (jsonSchema.propertyNames as { enum?: string[] } | undefined)?.enum;
  if (!keys || typeof jsonSchema.additionalProperties !== 'object') return;
  const value = jsonSchema.additionalProperties;
  jsonSchema.properties = Object.fromEntries(keys.map((key) => [key, value]));
  delete jsonSchema.propertyNames;
  jsonSchema.additionalProperties = false;
};

/**
 * A request field with a default may be left out. Type generators read `default` as "always
 * there" (openapi-typescript does by default), so the input side says it in words instead.
 */
const defaultsInWords: Override = ({ jsonSchema }) => {
  if (!('default' in jsonSchema)) return;
  const said = `Default: \`${JSON.stringify(jsonSchema.default)}\`.`;
  jsonSchema.description = jsonSchema.description ? `${jsonSchema.description} ${said}` : said;
  delete jsonSchema.default;
};

/** What the input side's schemas go through. */
const inputs: Override = (context) => {
  enumRecords(context);
  defaultsInWords(context);
};

/**
 * An answer may gain fields without a new API version, so answers do not forbid unknown
 * properties (zod's output form of a plain object would); `.strict()` objects still do.
 */
type Override = NonNullable<NonNullable<Parameters<typeof z.toJSONSchema>[1]>['override']>;

const openObjects: Override = (context) => {
  enumRecords(context);
  const { zodSchema, jsonSchema } = context;
  const def = zodSchema._zod.def;
  if (def.type === 'object' && !def.catchall && jsonSchema.additionalProperties === false) {
    delete jsonSchema.additionalProperties;
  }
};

/**
 * JSON Schema (2020-12, as OpenAPI 3.1 takes it) for every named schema: request bodies as
 * zod reads them (`io: 'input'`: fields with defaults optional), responses as the API sends
 * them (`io: 'output'`). A named schema inside another of the same pass becomes a `$ref`.
 */
export function componentSchemas(): Record<string, Json> {
  const schemas: Record<string, Json> = {};
  const passes = [
    { io: 'output' as const, named: Object.entries({ ...sharedSchemas, ...responseSchemas }) },
    { io: 'input' as const, named: Object.entries(bodySchemas).map(([n, s]) => [inputName(n as BodyName), s] as const) },
  ];
  for (const { io, named } of passes) {
    const registry = z.registry<{ id: string }>();
    for (const [id, schema] of named) registry.add(schema, { id });
    const { schemas: generated } = z.toJSONSchema(registry, {
      io,
      target: 'draft-2020-12',
      unrepresentable: 'any',
      uri: (id) => `${COMPONENTS}${id}`,
      override: io === 'output' ? openObjects : inputs,
    });
    for (const [id, schema] of Object.entries(generated)) {
      const { $schema: _schema, $id: _id, ...rest } = schema as Json;
      schemas[id] = rest;
    }
  }
  return schemas;
}

/** Names of the components `value` refers to, directly or through other components. */
export function referenced(value: unknown, schemas: Record<string, Json>, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referenced(item, schemas, found);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith(COMPONENTS)) {
        const name = item.slice(COMPONENTS.length);
        if (!found.has(name)) {
          found.add(name);
          referenced(schemas[name], schemas, found);
        }
      } else {
        referenced(item, schemas, found);
      }
    }
  }
  return found;
}
