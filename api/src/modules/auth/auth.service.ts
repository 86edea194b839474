import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Principal } from '../../http/principal.js';
import { newId } from '../../lib/ids.js';
import type { Logger } from '../../lib/logger.js';
import * as repo from './auth.repository.js';
import type { ApiKeyKind } from './auth.table.js';
import { DEMO_KEY_HASHES, generateKey, hashKey, visiblePrefix } from './keys.js';

export interface ApiKeyServiceDeps {
  db: Kysely<Database>;
  logger: Logger;
  /** How long a verified key is trusted without asking the database again (revocation delay on other instances). */
  cacheTtlMs: number;
  /** How often `last_used_at` is written per key at most. */
  touchIntervalMs?: number;
  now?: () => number;
}

/** Issues, verifies and revokes API keys. Keys are stored as sha256 hashes only. */
export function createApiKeyService({
  db,
  logger,
  cacheTtlMs,
  touchIntervalMs = 60_000,
  now = Date.now,
}: ApiKeyServiceDeps) {
  const cache = new Map<string, { principal: Principal; until: number }>();
  const touched = new Map<string, number>();

  const touch = (keyId: string) => {
    const last = touched.get(keyId) ?? 0;
    if (now() - last < touchIntervalMs) return;
    touched.set(keyId, now());
    // Off the request path: a failed bookkeeping write must not fail the caller's request.
    repo.touchKey(db, keyId).catch((err) => logger.warn({ err, keyId }, 'could not record key use'));
  };

  return {
    /** The principal of a presented key, or undefined when it is unknown or revoked. */
    async authenticate(key: string): Promise<Principal | undefined> {
      if (key.length < 8 || key.length > 200) return undefined;
      // Keyed by the presented key itself: a hit costs no hashing. The map only lives in this process.
      const hit = cache.get(key);
      if (hit && hit.until > now()) {
        if (hit.principal.kind !== 'anonymous') touch(hit.principal.keyId);
        return hit.principal;
      }
      const row = await repo.findKeyByHash(db, hashKey(key));
      if (!row || row.revoked_at !== null) {
        cache.delete(key);
        return undefined;
      }
      const principal: Principal =
        row.kind === 'seller'
          ? { kind: 'seller', keyId: row.id, sellerId: row.seller_id ?? '' }
          : row.kind === 'operator'
            ? { kind: 'operator', keyId: row.id }
            : { kind: 'publishable', keyId: row.id };
      if (cacheTtlMs > 0) {
        // Bounded: presented keys that verify are few; evict the oldest if something floods it.
        if (cache.size >= 10_000) cache.delete(cache.keys().next().value as string);
        cache.set(key, { principal, until: now() + cacheTtlMs });
      }
      touch(row.id);
      return principal;
    },

    /** Creates a key; the returned `secret` is the only time the full key exists outside the caller. */
    async create(
      input: { kind: ApiKeyKind; sellerId?: string | null; name: string },
      trx: Kysely<Database> = db,
    ) {
      const secret = generateKey(input.kind);
      const record = await repo.insertKey(trx, {
        id: newId('key'),
        kind: input.kind,
        seller_id: input.sellerId ?? null,
        name: input.name,
        prefix: visiblePrefix(secret),
        hash: hashKey(secret),
      });
      return { record, secret };
    },

    /** Stores a key whose value is given (the demo seed's well-known keys). */
    async createWithValue(
      input: { kind: ApiKeyKind; sellerId?: string | null; name: string; secret: string },
      trx = db,
    ) {
      return repo.insertKey(trx, {
        id: newId('key'),
        kind: input.kind,
        seller_id: input.sellerId ?? null,
        name: input.name,
        prefix: visiblePrefix(input.secret),
        hash: hashKey(input.secret),
      });
    },

    /** Revokes a key; this instance stops accepting it at once. */
    async revoke(id: string) {
      const row = await repo.revokeKey(db, id);
      for (const [key, entry] of cache) {
        if (entry.principal.kind !== 'anonymous' && entry.principal.keyId === id) cache.delete(key);
      }
      return row;
    },

    get: (id: string) => repo.findKeyById(db, id),
    list: (filter: { sellerId?: string; kind?: ApiKeyKind }) => repo.listKeys(db, filter),

    /** True when a well-known demo key is active: production refuses to start then. */
    hasDemoKeys: () => repo.anyActiveKeyWithHash(db, DEMO_KEY_HASHES),
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
