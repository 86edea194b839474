import type { Operation } from 'openapi-backend';
import { AppError, type FieldError } from '../errors.js';
import { describeFieldErrors } from './validation-errors.js';

/**
 * How deep a JSON request body may nest. Deeper input is refused before anything walks it: the
 * services canonicalise and compare free-form JSON (product attributes, idempotency hashes)
 * recursively, and PostgreSQL's jsonb has a depth limit of its own.
 */
export const MAX_JSON_DEPTH = 32;
const MAX_ERRORS = 20;
const NUL_MESSAGE = 'must not contain U+0000 (NUL)';
const SURROGATE_MESSAGE = 'must be well-formed Unicode: a lone surrogate (\\uD800–\\uDFFF) cannot be stored';
/** With the `u` flag a surrogate pair is one code point (not Cs): only lone halves match. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Why a body string (or key) cannot be stored, if it cannot. */
const unstorable = (s: string) =>
  s.includes('\u0000') ? NUL_MESSAGE : LONE_SURROGATE.test(s) ? SURROGATE_MESSAGE : undefined;

/** A field name fit for a problem body: the NUL it may itself contain is shown escaped. */
const visible = (s: string) => s.replaceAll('\u0000', '\\u0000');
const pointerSegment = (s: string) => visible(s).replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Refuses input no operation can take, whatever its schema says, before validation and handlers:
 * - U+0000 in any query, path, header or body string (names and keys included): PostgreSQL text
 *   and jsonb cannot store it, and no field of the API has a use for it;
 * - a lone UTF-16 surrogate in a body string or key (only JSON's `\uD800` escapes can make one; bytes
 *   that are not UTF-8 decode to U+FFFD): jsonb refuses it, and it is not text in any encoding;
 * - a JSON body nested deeper than MAX_JSON_DEPTH.
 * Throws `validation_failed` listing each offending field.
 */
export function guardInput(input: {
  operation: Operation | undefined;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}): void {
  // The common case, answered without allocating: a NUL can only come from a raw U+0000 or a `%00`
  // escape (query and path are percent-decoded below), and a body is walked only when there is one.
  if (
    input.body === undefined &&
    !mayHoldNul(input.query) &&
    !mayHoldNul(input.path) &&
    !headersHoldNul(input.headers)
  )
    return;
  const errors: FieldError[] = [];
  for (const [name, value] of new URLSearchParams(input.query)) {
    if (name.includes('\u0000') || value.includes('\u0000'))
      errors.push({ in: 'query', field: visible(name), message: NUL_MESSAGE });
  }
  const template = input.operation?.path.split('/') ?? [];
  input.path.split('/').forEach((raw, i) => {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return; // a malformed escape is answered by the router (URIError → 400)
    }
    if (!segment.includes('\u0000')) return;
    const name = /^\{(.+)\}$/.exec(template[i] ?? '')?.[1];
    errors.push({ in: 'path', field: name ?? visible(segment), message: NUL_MESSAGE });
  });
  for (const [name, value] of Object.entries(input.headers)) {
    // Node's HTTP/1 parser already refuses a raw NUL in a header; this covers every other way in.
    if ([value ?? ''].flat().some((v) => v.includes('\u0000')))
      errors.push({ in: 'header', field: name, message: NUL_MESSAGE });
  }
  walkBody(input.body, errors);
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_ERRORS);
    throw new AppError('validation_failed', describeFieldErrors(shown), { errors: shown });
  }
}

/** True when percent-decoding `s` may give a U+0000 (a raw one, or the escape `%00`). */
const mayHoldNul = (s: string) => s.includes('\u0000') || s.includes('%00');

function headersHoldNul(headers: Record<string, string | string[] | undefined>): boolean {
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === 'string' ? value.includes('\u0000') : value?.some((v) => v.includes('\u0000')))
      return true;
  }
  return false;
}

/** Iterative (a recursive walk is what overflows on deep input): depth, NUL and lone surrogates, in document order. */
function walkBody(body: unknown, errors: FieldError[]): void {
  const stack: { value: unknown; pointer: string; depth: number }[] = [
    { value: body, pointer: '', depth: 0 },
  ];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const { value, pointer, depth } = stack.pop() as (typeof stack)[number];
    if (typeof value === 'string') {
      const message = unstorable(value);
      if (message) errors.push({ in: 'body', field: pointer, message });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      errors.push({ in: 'body', field: pointer, message: `nests deeper than ${MAX_JSON_DEPTH} levels` });
      continue;
    }
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as readonly [string, unknown];
      const at = `${pointer}/${pointerSegment(key)}`;
      const message = Array.isArray(value) ? undefined : unstorable(key);
      if (message) errors.push({ in: 'body', field: at, message });
      stack.push({ value: child, pointer: at, depth: depth + 1 });
    }
  }
}
