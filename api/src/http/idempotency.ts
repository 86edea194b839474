import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError, type ErrorCode, type FieldError } from '../errors.js';

/** A stable hash of a request body: same JSON, same hash, whatever the key order. */
export function hashRequest(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(body) ?? null))
    .digest('hex');
}

/** The `Idempotency-Key` header, required and well-formed. */
export function requireIdempotencyKey(headers: Record<string, string | string[] | undefined>): string {
  const raw = headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key) {
    throw new AppError(
      'idempotency_key_required',
      'This request must carry an Idempotency-Key header (a UUID is ideal).',
      {
        errors: [{ in: 'header', field: 'Idempotency-Key', message: 'is required' }],
      },
    );
  }
  if (key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError('validation_failed', 'The Idempotency-Key must be 1–255 visible ASCII characters.', {
      errors: [{ in: 'header', field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }],
    });
  }
  return key;
}

export interface IdempotencyDeps {
  db: Kysely<Database>;
  /** How long a claimed key is held before another request may take it over (a crashed holder). */
  lockMs?: number;
  /** How long a concurrent duplicate waits for the first request before answering 409. */
  waitMs?: number;
}

export interface IdempotentOutcome<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/** Codes that are outcomes of a request that ran, and so are replayed like successes. */
const STORED_ERRORS = new Set<ErrorCode>([
  'out_of_stock',
  'payment_declined',
  'payment_insufficient_funds',
  'payment_requires_review',
  'variant_unavailable',
  'currency_mismatch',
  'cart_empty',
  'cart_incomplete',
  'cart_completed',
  'destination_unsupported',
]);

/**
 * Runs a write at most once per (scope, key). The key is claimed in its own statement so duplicates
 * see it at once; the work runs in a transaction that also stores the response, so the result and
 * the record of it commit together (a crash can never leave an order without its record).
 * - same key, same body, done: the first response is replayed;
 * - same key, different body: 422 `idempotency_key_reused`;
 * - same key while the first is running: waits up to `waitMs`, then 409 `idempotency_in_progress`.
 */
export function createIdempotency({ db, lockMs = 30_000, waitMs = 10_000 }: IdempotencyDeps) {
  return async function runIdempotent<T>(
    request: { scope: string; key: string; operation: string; body: unknown },
    work: (trx: Kysely<Database>) => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentOutcome<T>> {
    const requestHash = hashRequest(request.body);
    const where = { scope: request.scope, key: request.key };
    const deadline = Date.now() + waitMs;
    for (let attempt = 0; ; attempt++) {
      const claimed = await db
        .insertInto('idempotency_keys')
        .values({
          ...where,
          operation: request.operation,
          request_hash: requestHash,
          status: 'in_progress',
          locked_until: sql<Date>`now() + ${`${lockMs} milliseconds`}::interval`,
        })
        .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      const existing = claimed
        ? undefined
        : await db
            .selectFrom('idempotency_keys')
            .selectAll()
            .where('scope', '=', where.scope)
            .where('key', '=', where.key)
            .executeTakeFirst();
      if (existing) {
        if (existing.request_hash !== requestHash || existing.operation !== request.operation) {
          throw new AppError(
            'idempotency_key_reused',
            'This Idempotency-Key was used with a different request; use a new key.',
          );
        }
        if (existing.status === 'completed')
          return replay<T>(existing.response_status ?? 200, existing.response_body);
        const tookOver = await db
          .updateTable('idempotency_keys')
          .set({ locked_until: sql<Date>`now() + ${`${lockMs} milliseconds`}::interval` })
          .where('scope', '=', where.scope)
          .where('key', '=', where.key)
          .where('status', '=', 'in_progress')
          .where('locked_until', '<', sql<Date>`now()`)
          .returning('key')
          .executeTakeFirst();
        if (!tookOver) {
          if (Date.now() > deadline) {
            throw new AppError(
              'idempotency_in_progress',
              'A request with this Idempotency-Key is still in progress; retry shortly.',
            );
          }
          await new Promise((r) => setTimeout(r, Math.min(25 * 2 ** attempt, 250)));
          continue;
        }
      } else if (!claimed) {
        continue; // the row vanished between the two statements (its holder failed): try to claim again
      }
      return execute(where, work);
    }
  };

  async function execute<T>(
    where: { scope: string; key: string },
    work: (trx: Kysely<Database>) => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentOutcome<T>> {
    const finish = (trx: Kysely<Database>, status: number, body: unknown) =>
      trx
        .updateTable('idempotency_keys')
        .set({ status: 'completed', response_status: status, response_body: JSON.stringify(body) })
        .where('scope', '=', where.scope)
        .where('key', '=', where.key)
        .execute();
    try {
      const result = await db.transaction().execute(async (trx) => {
        const out = await work(trx);
        await finish(trx, out.status, out.body);
        return out;
      });
      return { ...result, replayed: false };
    } catch (err) {
      if (err instanceof AppError && STORED_ERRORS.has(err.code)) {
        await finish(db, err.status, {
          code: err.code,
          detail: err.detail,
          errors: err.extra.errors ?? null,
        });
      } else {
        // Nothing happened (validation, a fault of ours): free the key so a retry can run.
        await db
          .deleteFrom('idempotency_keys')
          .where('scope', '=', where.scope)
          .where('key', '=', where.key)
          .execute();
      }
      throw err;
    }
  }
}

function replay<T>(status: number, body: unknown): IdempotentOutcome<T> {
  if (status >= 400) {
    const stored = body as { code: ErrorCode; detail: string; errors: FieldError[] | null };
    throw new AppError(stored.code, stored.detail, {
      ...(stored.errors ? { errors: stored.errors } : {}),
      headers: { 'Idempotent-Replayed': 'true' },
    });
  }
  return { status, body: body as T, replayed: true };
}

export type RunIdempotent = ReturnType<typeof createIdempotency>;

/**
 * For writes where `Idempotency-Key` is optional: with the header the work runs once per key
 * (see `createIdempotency`), without it the work just runs in a transaction.
 */
export async function optionallyIdempotent<T, S extends number>(
  run: RunIdempotent,
  db: Kysely<Database>,
  req: {
    operationId: string;
    method: string;
    path: string;
    body: unknown;
    headers: Record<string, string | string[] | undefined>;
    principal: { kind: string; keyId?: string };
  },
  status: S,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<{ status: S; body: T; headers?: Record<string, string> }> {
  if (req.headers['idempotency-key'] === undefined) {
    return { status, body: await db.transaction().execute(work) };
  }
  const key = requireIdempotencyKey(req.headers);
  const out = await run(
    {
      scope: `${req.principal.keyId ?? 'anonymous'}:${req.method} ${req.path}`,
      key,
      operation: req.operationId,
      body: req.body,
    },
    async (trx) => ({ status, body: await work(trx) }),
  );
  return { status, body: out.body, ...(out.replayed ? { headers: { 'Idempotent-Replayed': 'true' } } : {}) };
}

/**
 * Forgets completed idempotency records older than `maxAgeMs` (clients retry within minutes, not
 * days) and in-progress ones whose holder is long gone. Returns how many rows went.
 */
export async function purgeIdempotencyKeys(db: Kysely<Database>, maxAgeMs: number): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', sql<Date>`now() - ${`${maxAgeMs} milliseconds`}::interval`)
    .where((eb) => eb.or([eb('status', '=', 'completed'), eb('locked_until', '<', sql<Date>`now()`)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
