import { type Kysely, sql } from 'kysely';
import { preparedStatement } from '../db/prepared.js';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database>;
/** One idempotency record: a client's key within its scope (API key, method and path). */
export interface KeyRef {
  scope: string;
  key: string;
}

const lockedFor = (ms: number) => sql<Date>`now() + ${`${ms} milliseconds`}::interval`;

const claim = preparedStatement(
  (db: Db, p: KeyRef & { operation: string; requestHash: string; lockFor: string }) =>
    db
      .insertInto('idempotency_keys')
      .values({
        scope: p.scope,
        key: p.key,
        operation: p.operation,
        request_hash: p.requestHash,
        status: 'in_progress',
        locked_until: sql<Date>`now() + ${p.lockFor}::interval`,
      })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key'),
);

/** Claims the key for a new request; undefined when a record already holds it. */
export async function claimKey(
  db: Db,
  ref: KeyRef,
  request: { operation: string; requestHash: string },
  lockMs: number,
): Promise<boolean> {
  const claimed = await claim(db, {
    scope: ref.scope,
    key: ref.key,
    operation: request.operation,
    requestHash: request.requestHash,
    lockFor: `${lockMs} milliseconds`,
  });
  return claimed.rows.length > 0;
}

/** The record that holds a key, if any. */
export function findKey(db: Db, ref: KeyRef) {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', ref.scope)
    .where('key', '=', ref.key)
    .executeTakeFirst();
}

/** Takes over an in-progress record whose holder let its lock lapse (it crashed); false when still held. */
export async function takeOverKey(db: Db, ref: KeyRef, lockMs: number): Promise<boolean> {
  const row = await db
    .updateTable('idempotency_keys')
    .set({ locked_until: lockedFor(lockMs) })
    .where('scope', '=', ref.scope)
    .where('key', '=', ref.key)
    .where('status', '=', 'in_progress')
    .where('locked_until', '<', sql<Date>`now()`)
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

const complete = preparedStatement((db: Db, p: KeyRef & { status: number; body: string }) =>
  db
    .updateTable('idempotency_keys')
    .set({ status: 'completed', response_status: p.status, response_body: p.body })
    .where('scope', '=', p.scope)
    .where('key', '=', p.key)
    .where('status', '=', 'in_progress'),
);

/**
 * Stores the response to replay (already sealed: see `idempotency.seal.ts`); false when the record is
 * no longer in progress (a request that took the key over completed it first, or it is gone).
 */
export async function completeKey(
  db: Db,
  ref: KeyRef,
  status: number,
  storedBody: unknown,
): Promise<boolean> {
  const done = await complete(db, {
    scope: ref.scope,
    key: ref.key,
    status,
    body: JSON.stringify(storedBody),
  });
  return Number(done.numAffectedRows ?? 0) > 0;
}

/** Frees a key whose request did nothing, so a retry can run (never one another request completed). */
export async function releaseKey(db: Db, ref: KeyRef): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('scope', '=', ref.scope)
    .where('key', '=', ref.key)
    .where('status', '=', 'in_progress')
    .execute();
}

/**
 * Forgets completed idempotency records older than `maxAgeMs` (clients retry within minutes, not
 * days) and in-progress ones whose holder is long gone. Returns how many rows went.
 */
export async function purgeIdempotencyKeys(db: Db, maxAgeMs: number): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', sql<Date>`now() - ${`${maxAgeMs} milliseconds`}::interval`)
    .where((eb) => eb.or([eb('status', '=', 'completed'), eb('locked_until', '<', sql<Date>`now()`)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
