import type { ErrorObject } from 'ajv';
import type { FieldError } from '../errors.js';

const LOCATIONS: Record<string, FieldError['in']> = {
  query: 'query',
  path: 'path',
  header: 'header',
  headers: 'header',
  requestBody: 'body',
};

/** Turns Ajv errors from openapi-backend's request validation into the spec's field errors. */
export function toFieldErrors(errors: readonly ErrorObject[]): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const [, root = '', ...rest] = e.instancePath.split('/');
    let segments = rest;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'required' && typeof e.params.missingProperty === 'string') {
      segments = [...rest, escapePointer(e.params.missingProperty)];
      message = 'is required';
    } else if (e.keyword === 'additionalProperties' && typeof e.params.additionalProperty === 'string') {
      segments = [...rest, escapePointer(e.params.additionalProperty)];
      message = root === 'requestBody' ? 'is not an accepted field' : 'is not an accepted parameter';
    } else if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues)) {
      message = `must be one of: ${e.params.allowedValues.join(', ')}`;
    }
    // The root of a missing required parameter is the location itself (`/query` + missingProperty).
    if (root === '' && e.keyword === 'required') continue;
    const location = LOCATIONS[root] ?? 'body';
    const field = location === 'body' ? toPointer(segments) : segments.join('/');
    const key = `${location}|${field}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ in: location, field, message });
  }
  return out;
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

function toPointer(segments: string[]): string {
  return segments.length === 0 ? '' : `/${segments.join('/')}`;
}

/** A one-line summary of field errors for `detail`. */
export function describeFieldErrors(errors: readonly FieldError[]): string {
  const parts = errors.slice(0, 5).map((e) => `${e.in} ${e.field || '(body)'}: ${e.message}`);
  const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
  return `${parts.join('; ')}${more}`;
}
