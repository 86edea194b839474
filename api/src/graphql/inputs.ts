import AjvModule, { type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AppError } from '../errors.js';
import { toFieldErrors } from '../http/validation-errors.js';

// ajv and ajv-formats are CommonJS with a default export; under NodeNext they arrive as the module object.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule as unknown as (ajv: object) => object;

/** `shippingAddress` → `shipping_address`: GraphQL names are the REST names in camelCase. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** `shipping_address` → `shippingAddress`. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A GraphQL input value with its object keys in REST's snake_case (undefined fields dropped). */
export function toRest(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toRest);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [snakeCase(k), toRest(v)]),
  );
}

/**
 * Validates GraphQL arguments against the OpenAPI component schemas REST validates the same input
 * with (lengths, patterns, ranges), so the two APIs accept exactly the same values. A failure is the
 * REST problem: `validation_failed` with one field error per offending field, pointing at the GraphQL
 * argument (`/input/shippingAddress/country`).
 */
export function createInputValidator(document: object) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema(structuredClone(document), 'openapi');
  const compiled = new Map<string, ValidateFunction>();
  /** The compiled validator of a JSON pointer into the spec (`/components/schemas/Cart`). */
  const validatorOf = (pointer: string) => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.getSchema(`openapi#${pointer}`);
      if (!validate) throw new Error(`graphql: the spec has no schema at ${pointer}`);
      compiled.set(pointer, validate);
    }
    return validate;
  };
  return {
    /**
     * Checks `value` (already in REST's snake_case) against `components/schemas/<schema>`; `argument`
     * names where it came from (`input`, or '' when the value gathers top-level arguments).
     */
    check<T>(schema: string, value: unknown, argument: string): T {
      const validate = validatorOf(`/components/schemas/${schema}`);
      if (validate(value)) return value as T;
      const errors = toFieldErrors(
        (validate.errors ?? []).map((e) => ({ ...e, instancePath: `/requestBody${e.instancePath}` })),
      ).map((e) => ({
        ...e,
        field: `${argument ? `/${argument}` : ''}${e.field.split('/').map(camelCase).join('/')}`,
      }));
      const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
      throw new AppError('validation_failed', `Invalid arguments: ${detail}.`, { errors });
    },
    /**
     * Checks one argument against the schema of the REST path or query parameter it stands for
     * (`components/parameters/<parameter>`), so `content(theme: "Bad Theme")` is refused as
     * `/store/content/Bad Theme/…` is.
     */
    checkParameter(parameter: string, value: string, argument: string): string {
      const validate = validatorOf(`/components/parameters/${parameter}/schema`);
      if (validate(value)) return value;
      const errors = (validate.errors ?? []).map((e) => ({
        in: 'body' as const,
        field: `/${argument}`,
        message: e.message ?? 'is invalid',
      }));
      const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
      throw new AppError('validation_failed', `Invalid arguments: ${detail}.`, { errors });
    },
  };
}

export type InputValidator = ReturnType<typeof createInputValidator>;
