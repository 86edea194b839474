import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { keptOnceLoaded } from '../../lib/kept.js';
import { previewKey } from './media.repository.js';

/**
 * The key of preview URLs: `MEDIA_PREVIEW_KEY` when configured, else the database's own (generated
 * at random by the first process to ask, then shared by every instance on that database). Read on
 * first use, not at start (the container is built before migrations run), then kept; a failed read
 * is asked again next time.
 */
export function mediaPreviewKey(db: Kysely<Database>, configured: string | undefined): () => Promise<Buffer> {
  if (configured) {
    const key = Promise.resolve(Buffer.from(configured, 'utf8'));
    return () => key;
  }
  return keptOnceLoaded(() => previewKey(db, randomBytes(32)));
}

/**
 * Short-lived signed URLs of pictures not (yet) public: `<url>?exp=<unix seconds>&sig=<HMAC-SHA256 of
 * product id, hash and exp, base64url>`. The width is not signed, so one URL serves every variant
 * (`&w=`), as a plain URL does.
 */
export function createPreviewSigner({
  key,
  ttlS,
  now = Date.now,
}: {
  /** The key (see mediaPreviewKey). */
  key: () => Promise<Buffer>;
  /** How long a signed URL is valid (`MEDIA_PREVIEW_TTL_S`). */
  ttlS: number;
  now?: () => number;
}) {
  const mac = async (productId: string, hash: string, exp: number) =>
    createHmac('sha256', await key())
      .update(`${productId}/${hash.toLowerCase()}/${exp}`)
      .digest('base64url');
  const seconds = () => Math.floor(now() / 1000);

  return {
    /** The query string (`exp=…&sig=…`) that previews `hash` under `productId`'s URL from now. */
    async sign(productId: string, hash: string): Promise<string> {
      const exp = seconds() + ttlS;
      return `exp=${exp}&sig=${await mac(productId, hash, exp)}`;
    },
    /** Seconds the signature has left; undefined when it does not match or has expired. */
    async verify(productId: string, hash: string, exp: number, sig: string): Promise<number | undefined> {
      const left = exp - seconds();
      const expected = Buffer.from(await mac(productId, hash, exp));
      const given = Buffer.from(sig);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      return left > 0 ? left : undefined;
    },
  };
}

export type PreviewSigner = ReturnType<typeof createPreviewSigner>;
