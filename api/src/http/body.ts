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
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      throw new AppError('payload_too_large', `The body exceeds the limit of ${limit} bytes.`, {
        cause: err,
      });
    }
    if (type === 'request.size.invalid' || type === 'request.aborted') {
      throw new AppError('malformed_json', 'The body ended before its declared Content-Length.', {
        cause: err,
      });
    }
    throw err;
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError('malformed_json', `The body is not valid JSON: ${(err as Error).message}`, {
      cause: err,
    });
  }
}
