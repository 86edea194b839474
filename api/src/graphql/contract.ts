import {
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { camelCase } from './inputs.js';

/** A JSON Schema of the bundled OpenAPI document (the parts the comparison reads). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
}

/**
 * Compares an OpenAPI schema with the GraphQL type that claims to be its twin: every REST property is
 * a GraphQL field named its camelCase, null where REST may be null or omit it and only there, of the
 * matching kind (MinorUnits for money amounts, DateTime for date-times, enums with the REST values in
 * upper case, JSONObject for free-form objects). With `exact`, the GraphQL type has no field REST lacks;
 * nested objects may have more (GraphQL resolves the whole seller where REST embeds its summary).
 * Returns one line per disagreement.
 */
export function compareShapes(
  document: { components: { schemas: Record<string, JsonSchema> } },
  schema: GraphQLSchema,
  rest: string,
  graphql: string,
): string[] {
  const problems: string[] = [];
  const deref = (s: JsonSchema): JsonSchema & { refName?: string } => {
    if (!s.$ref) return s;
    const name = s.$ref.split('/').at(-1) ?? '';
    const target = document.components.schemas[name];
    if (!target) throw new Error(`unresolved ${s.$ref}`);
    return { ...deref(target), refName: deref(target).refName ?? name };
  };
  const nonNull = (s: JsonSchema): { schema: JsonSchema & { refName?: string }; nullable: boolean } => {
    const d = deref(s);
    if (d.oneOf) {
      const others = d.oneOf.filter((o) => deref(o).type !== 'null');
      return { schema: deref(others[0] ?? {}), nullable: others.length < d.oneOf.length };
    }
    if (Array.isArray(d.type) && d.type.includes('null')) {
      const type = d.type.filter((t) => t !== 'null');
      return { schema: { ...d, type: type.length === 1 ? type[0] : type }, nullable: true };
    }
    return { schema: d, nullable: false };
  };

  const visited = new Set<string>();
  const compareObject = (s: JsonSchema, type: GraphQLNamedType, at: string, exact: boolean) => {
    if (!isObjectType(type)) return problems.push(`${at}: REST has an object, GraphQL ${type.name}`);
    const key = `${type.name}<${JSON.stringify(Object.keys(s.properties ?? {}))}`;
    if (visited.has(key)) return;
    visited.add(key);
    const fields = type.getFields();
    const properties = s.properties ?? {};
    for (const [name, property] of Object.entries(properties)) {
      const field = fields[camelCase(name)];
      if (!field) {
        problems.push(`${at}.${name}: GraphQL ${type.name} has no field ${camelCase(name)}`);
        continue;
      }
      compareValue(property, field.type, `${at}.${name}`, (s.required ?? []).includes(name));
    }
    if (exact) {
      const restNames = new Set(Object.keys(properties).map(camelCase));
      for (const name of Object.keys(fields))
        if (!restNames.has(name)) problems.push(`${at}: GraphQL ${type.name}.${name} is not in REST`);
    }
  };
  const compareValue = (s: JsonSchema, type: GraphQLOutputType, at: string, required: boolean) => {
    const { schema: inner, nullable } = nonNull(s);
    const restNullable = nullable || !required;
    if (restNullable && isNonNullType(type))
      problems.push(`${at}: REST may be null or absent, GraphQL is non-null`);
    if (!restNullable && !isNonNullType(type))
      problems.push(`${at}: REST is never null, GraphQL is nullable`);
    const t = isNonNullType(type) ? type.ofType : type;
    const kind = Array.isArray(inner.type) ? inner.type[0] : inner.type;
    if (kind === 'array') {
      if (!isListType(t)) return problems.push(`${at}: REST has an array, GraphQL ${String(t)}`);
      return compareValue(inner.items ?? {}, t.ofType, `${at}[]`, true);
    }
    const named = getNamedType(t);
    if (isListType(t)) return problems.push(`${at}: GraphQL has a list, REST ${kind}`);
    if (kind === 'object' && inner.properties && namesFit(inner))
      return compareObject(inner, named, at, false);
    const expected =
      kind === 'object'
        ? 'JSONObject'
        : inner.refName === 'MinorUnits'
          ? 'MinorUnits'
          : kind === 'integer'
            ? 'Int'
            : kind === 'boolean'
              ? 'Boolean'
              : kind === 'number'
                ? 'Float'
                : inner.enum
                  ? 'enum'
                  : inner.format === 'date-time'
                    ? 'DateTime'
                    : 'String';
    if (expected === 'enum') {
      if (!isEnumType(named)) return problems.push(`${at}: REST has an enum, GraphQL ${named.name}`);
      const values = named.getValues().map((v) => v.name);
      const restValues = (inner.enum ?? []).map((v) => String(v).toUpperCase());
      if (JSON.stringify(values) !== JSON.stringify(restValues))
        problems.push(`${at}: enum values ${values.join(',')} differ from REST's ${restValues.join(',')}`);
      return;
    }
    const ok =
      isScalarType(named) &&
      (named.name === expected ||
        (expected === 'String' && named.name === 'ID' && /(^|\.)id$|_ids?(\[\])?$/.test(at)));
    if (!ok)
      problems.push(`${at}: REST's ${inner.refName ?? kind} is ${expected} in GraphQL, not ${named.name}`);
  };

  const restSchema = document.components.schemas[rest];
  const type = schema.getType(graphql);
  if (!restSchema || !type) return [`no ${rest} in the OpenAPI document or no ${graphql} in the schema`];
  compareObject(deref(restSchema), type, rest, true);
  return problems;
}

/**
 * Whether an object's property names can be GraphQL field names. One keyed by values (a rating's
 * distribution keyed "1" to "5") cannot: GraphQL carries it as a JSONObject, keys and all.
 */
function namesFit(s: JsonSchema): boolean {
  return Object.keys(s.properties ?? {}).every((name) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(name));
}

/**
 * A GraphQL selection of every field of an OpenAPI schema (camelCased), for reading a value through
 * GraphQL in the shape REST answers it.
 */
export function selectionOf(
  document: { components: { schemas: Record<string, JsonSchema> } },
  rest: string,
): string {
  const seen: string[] = [];
  const select = (s: JsonSchema): string => {
    if (s.$ref) {
      const name = s.$ref.split('/').at(-1) ?? '';
      if (seen.includes(name)) return '';
      return select(document.components.schemas[name] ?? {});
    }
    if (s.oneOf) return select(s.oneOf.find((o) => o.type !== 'null') ?? {});
    if (s.items) return select(s.items);
    if (!s.properties || !namesFit(s)) return '';
    return `{ ${Object.entries(s.properties)
      .map(([name, p]) => `${camelCase(name)} ${select(p)}`.trim())
      .join(' ')} }`;
  };
  return select(document.components.schemas[rest] ?? {});
}

/**
 * A GraphQL answer turned back into REST's names and values, walking the OpenAPI schema: camelCase
 * fields to snake_case, upper-case enum values to REST's; free-form objects are left as they are.
 */
export function toRestShape(
  document: { components: { schemas: Record<string, JsonSchema> } },
  s: JsonSchema,
  value: unknown,
): unknown {
  if (value === null || value === undefined) return value;
  if (s.$ref)
    return toRestShape(document, document.components.schemas[s.$ref.split('/').at(-1) ?? ''] ?? {}, value);
  if (s.oneOf) return toRestShape(document, s.oneOf.find((o) => o.type !== 'null') ?? {}, value);
  if (s.items && Array.isArray(value)) return value.map((v) => toRestShape(document, s.items ?? {}, v));
  if (s.enum && typeof value === 'string') return value.toLowerCase();
  if (!s.properties || !namesFit(s)) return value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(s.properties).map(([name, p]) => [
      name,
      toRestShape(document, p, source[camelCase(name)]),
    ]),
  );
}
