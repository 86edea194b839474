import type { Context } from 'koa';
import getRawBody from 'raw-body';
import { AppError } from '../errors.js';

/** True when the request carries a body (declared length above zero, or chunked). */
export function hasBody(ctx: Context): boolean {
  const length = ctx.request.length;
  if (length !== undefined) return length > 0;
  return ctx.get('transfer-encoding') !== '';
}

/**
 * Reads and parses a JSON request body.
 * - not JSON (by Content-Type) → 415 unsupported_media_type
 * - over `limit` bytes → 413 payload_too_large (stops reading as soon as the limit is passed)
 * - unparsable → 400 malformed_json
 * Returns undefined when there is no body, so required-body validation reports it.
 */
export async function readJsonBody(ctx: Context, limit: number): Promise<unknown> {
  if (!hasBody(ctx)) return undefined;
  if (!ctx.is('application/json', '+json')) {
    throw new AppError(
      'unsupported_media_type',
      `Send the body as application/json (got ${ctx.get('content-type') || 'no Content-Type'}).`,
    );
  }
  const charset = ctx.request.charset;
  if (charset && charset.toLowerCase() !== 'utf-8' && charset.toLowerCase() !== 'utf8') {
    throw new AppError('unsupported_media_type', `Only UTF-8 JSON is accepted (got charset=${charset}).`);
  }
  let text: string;
  try {
    text = await getRawBody(ctx.req, { limit, length: ctx.request.length, encoding: 'utf8' });
  } catch (err) {
    throw readError(err, limit);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError('malformed_json', `The body is not valid JSON: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/**
 * The media types of an operation's binary request body (every declared type but JSON), or
 * undefined for an operation that takes JSON or no body.
 */
export function binaryBodyTypes(requestBody: unknown): string[] | undefined {
  const content = (requestBody as { content?: Record<string, unknown> } | undefined)?.content;
  if (!content || 'application/json' in content) return undefined;
  return Object.keys(content);
}

/**
 * Reads a binary request body (an uploaded file) whole, up to `limit` bytes.
 * - a Content-Type the operation does not declare → 415 unsupported_media_type
 * - over `limit` bytes → 413 payload_too_large (stops reading as soon as the limit is passed)
 * Returns undefined when there is no body. What the bytes are is for the handler to decide.
 */
export async function readBinaryBody(
  ctx: Context,
  limit: number,
  types: string[],
): Promise<Buffer | undefined> {
  if (!hasBody(ctx)) return undefined;
  if (!ctx.is(types)) {
    throw new AppError(
      'unsupported_media_type',
      `Send the body as one of ${types.join(', ')} (got ${ctx.get('content-type') || 'no Content-Type'}).`,
    );
  }
  try {
    return await getRawBody(ctx.req, { limit, length: ctx.request.length });
  } catch (err) {
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      throw new AppError('payload_too_large', `The file exceeds the limit of ${limit} bytes.`, {
        cause: err,
      });
    }
    if (type === 'request.size.invalid' || type === 'request.aborted') {
      throw new AppError('validation_failed', 'The body ended before its declared Content-Length.', {
        errors: [{ in: 'body', field: '', message: 'is shorter than its Content-Length' }],
        cause: err,
      });
    }
    throw err;
  }
}

/**
 * Reads a request body whole, up to `limit` bytes, whatever its type (GraphQL's JSON, form or query
 * text is Yoga's to parse). A declared Content-Length over the limit is refused before reading; a
 * chunked body is counted as it arrives and refused as soon as it passes the limit, so an oversized
 * body is never buffered: 413 payload_too_large either way, as REST's JSON bodies.
 */
export async function readRawBody(ctx: Context, limit: number): Promise<Buffer | undefined> {
  if (!hasBody(ctx)) return undefined;
  try {
    return await getRawBody(ctx.req, { limit, length: ctx.request.length });
  } catch (err) {
    throw readError(err, limit);
  }
}

/** The problem for a body raw-body could not read: too large (413) or cut short (400); else as is. */
function readError(err: unknown, limit: number): unknown {
  const type = (err as { type?: string }).type;
  if (type === 'entity.too.large') {
    return new AppError('payload_too_large', `The body exceeds the limit of ${limit} bytes.`, { cause: err });
  }
  if (type === 'request.size.invalid' || type === 'request.aborted') {
    return new AppError('malformed_json', 'The body ended before its declared Content-Length.', {
      cause: err,
    });
  }
  return err;
}
