import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../db/schema.js';
import type { WriteSteps } from '../../http/idempotency.js';
import type { Principal } from '../../http/principal.js';
import { newId } from '../../lib/ids.js';
import type { Logger } from '../../lib/logger.js';
import type { SharedStore } from '../../shared-store/index.js';
import { recordEvents } from '../events/index.js';
import * as repo from './auth.repository.js';
import type { ApiKeyKind } from './auth.table.js';
import { DEMO_KEY_HASHES, generateKey, hashKey, visiblePrefix } from './keys.js';

type KeyPrincipal = Exclude<Principal, { kind: 'anonymous' }>;

export interface ApiKeyServiceDeps {
  db: Kysely<Database>;
  logger: Logger;
  /**
   * How long a verified key is trusted without asking the database again. Revocations are broadcast
   * on the shared store, so other instances drop a revoked key at once; the TTL only bounds how long a
   * lost broadcast could matter.
   */
  cacheTtlMs: number;
  /** Shared store: a second cache tier shared by instances (Redis) and the revocation broadcast. */
  store?: SharedStore;
  /** Encrypts a new secret for `api_key.created` (null: the event carries no secret). */
  sealSecret?: (secret: string) => string | null;
  /** How often `last_used_at` is written per key at most. */
  touchIntervalMs?: number;
  now?: () => number;
}

const REVOKED = 'api-keys:revoked';
/** Stored in the shared tier in place of a revoked key's principal, so no instance re-caches it. */
const TOMBSTONE = 'revoked';

/** Issues, verifies and revokes API keys. Keys are stored as sha256 hashes only. */
export function createApiKeyService({
  db,
  logger,
  cacheTtlMs,
  store,
  sealSecret = () => null,
  touchIntervalMs = 60_000,
  now = Date.now,
}: ApiKeyServiceDeps) {
  // Keyed by the presented key itself: a local hit costs no hashing. Bounded; least recently used go first.
  const cache = new LRUCache<string, KeyPrincipal>({ max: 10_000, ttl: Math.max(1, cacheTtlMs) });
  // Only Redis is worth a second tier: the in-process store would cache the same thing twice.
  const shared = store?.kind === 'redis' && cacheTtlMs > 0 ? store : undefined;
  const touched = new Map<string, number>();
  // Moves on every revocation heard: a lookup that overlapped one does not cache its answer.
  let generation = 0;

  const touch = (keyId: string) => {
    const last = touched.get(keyId) ?? 0;
    if (now() - last < touchIntervalMs) return;
    touched.set(keyId, now());
    // Off the request path: a failed bookkeeping write must not fail the caller's request.
    repo.touchKey(db, keyId).catch((err) => logger.warn({ err, keyId }, 'could not record key use'));
  };
  const forget = (keyId: string) => {
    generation++;
    for (const [key, principal] of cache.entries()) if (principal.keyId === keyId) cache.delete(key);
  };

  /** The principal of a key hash from the shared tier, else the database (then shared). */
  const lookup = async (hash: string): Promise<KeyPrincipal | undefined> => {
    if (shared) {
      const hit = await shared.get(`apikey:${hash}`).catch(() => undefined);
      if (hit === TOMBSTONE) return undefined;
      if (hit) return JSON.parse(hit) as KeyPrincipal;
    }
    const row = await repo.findKeyByHash(db, hash);
    if (!row || row.revoked_at !== null) return undefined;
    const principal: KeyPrincipal =
      row.kind === 'seller'
        ? { kind: 'seller', keyId: row.id, sellerId: row.seller_id ?? '' }
        : row.kind === 'operator'
          ? { kind: 'operator', keyId: row.id }
          : { kind: 'publishable', keyId: row.id };
    // Only if absent: a revocation's tombstone must win over a read that raced it.
    await shared
      ?.set(`apikey:${hash}`, JSON.stringify(principal), cacheTtlMs, { ifAbsent: true })
      .catch((err) => logger.warn({ err }, 'api keys: shared cache write failed'));
    return principal;
  };

  /** A key this process does not know (yet): the shared tier or the database, then remembered. */
  const verify = async (key: string): Promise<KeyPrincipal | undefined> => {
    const started = generation;
    const principal = await lookup(hashKey(key));
    if (!principal) return undefined;
    if (cacheTtlMs > 0 && generation === started) cache.set(key, principal);
    touch(principal.keyId);
    return principal;
  };

  return {
    /** Listens for revocations made on other instances. */
    async start() {
      await store?.subscribe(REVOKED, forget);
    },

    /**
     * The principal of a presented key, or undefined when it is unknown or revoked. A key this process
     * knows is answered as it is, not as a promise (no microtask per request on the common path).
     */
    authenticate(key: string): Principal | undefined | Promise<Principal | undefined> {
      if (key.length < 8 || key.length > 200) return undefined;
      const hit = cacheTtlMs > 0 ? cache.get(key) : undefined;
      if (hit) {
        touch(hit.keyId);
        return hit;
      }
      return verify(key);
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
      await recordEvents(trx, [
        {
          type: 'api_key.created',
          aggregateType: 'api_key',
          aggregateId: record.id,
          sellerId: record.seller_id,
          data: {
            key_id: record.id,
            kind: record.kind,
            seller_id: record.seller_id,
            name: record.name,
            prefix: record.prefix,
            sealed_secret: sealSecret(secret),
          },
        },
      ]);
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

    /**
     * Revokes a key (recording `api_key.revoked` once). Every instance stops accepting it at once:
     * the shared tier gets a tombstone and the revocation is broadcast to every instance's local cache.
     */
    async revoke(id: string, trx: Kysely<Database>, steps: Pick<WriteSteps, 'onCommit'>) {
      const before = await repo.findKeyById(trx, id);
      if (!before) return undefined;
      const row = await repo.revokeKey(trx, id);
      if (row && before.revoked_at === null) {
        await recordEvents(trx, [
          {
            type: 'api_key.revoked',
            aggregateType: 'api_key',
            aggregateId: row.id,
            sellerId: row.seller_id,
            data: { key_id: row.id, kind: row.kind, seller_id: row.seller_id, prefix: row.prefix },
          },
        ]);
      }
      if (row) {
        // Once committed: another instance that reloaded the key before then would cache it as active.
        steps.onCommit(async () => {
          forget(id);
          try {
            const hash = await repo.findHashById(db, id);
            if (shared && hash) await shared.set(`apikey:${hash}`, TOMBSTONE, cacheTtlMs);
            await store?.publish(REVOKED, id);
          } catch (err) {
            logger.error(
              { err, keyId: id },
              'api keys: could not broadcast a revocation; other instances drop it within the cache TTL',
            );
          }
        });
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
