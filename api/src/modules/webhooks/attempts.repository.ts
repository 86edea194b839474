import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { activeSecretsSql } from './webhooks.repository.js';

// The delivery worker's statements (it runs in the webhooks plugin): the webhooks module owns its
// tables, so every write to them is here, beside the API's own reads and requeues.

/** A delivery taken for one attempt, with what is needed to send it. */
export interface ClaimedDelivery {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: Record<string, unknown>;
  attempt_count: number;
  url: string;
  owner: string;
  /** Secrets that sign it, newest first (two during a rotation overlap). */
  secrets: string[];
}

/**
 * Takes due deliveries for this worker until `lockUntil`: of up to `limit` enabled endpoints (those
 * waiting longest first), each endpoint's oldest due deliveries, up to `perEndpoint`, in the order they
 * happened — and none of an endpoint that has one in flight — so one endpoint receives its events one
 * at a time, in order (until a retry waits). Returned in endpoint, then sending, order. Claims are
 * taken one worker at a time (a transaction-scoped advisory lock): the claim statement then sees every
 * claim committed before it, so two workers never split one endpoint's run between them.
 */
export async function claimDue(
  db: Kysely<Database>,
  limit: number,
  now: Date,
  lockUntil: Date,
  perEndpoint = 1,
): Promise<ClaimedDelivery[]> {
  return settleAndClaim(db, { succeeded: [], limit, now, lockUntil, perEndpoint });
}

/** An endpoint a worker holds (a run of it is being sent), with the lock of that run. */
export interface HeldEndpoint {
  endpointId: string;
  /** `locked_until` of the run being sent: the claim takes the endpoint's next run only while it holds. */
  heldUntil: Date;
}

/**
 * The delivery worker's bookkeeping in one transaction: records the successful attempts of runs that
 * finished (as `settleSucceeded`), then claims as `claimDue` does — so the endpoints of those runs can
 * be claimed again at once, and one round trip to the claim lock serves every lane that came free.
 * For each endpoint in `ahead` (held by this worker: a run of it is still pending under `heldUntil`)
 * it also claims the next run — due deliveries not locked, in the same order — locked until
 * `aheadLockUntil`, so that lane goes on without waiting for a claim; an endpoint whose run no longer
 * holds that lock (released, recorded, or expired and taken by another worker) gets nothing.
 */
export async function settleAndClaim(
  db: Kysely<Database>,
  o: {
    succeeded: readonly AttemptRecord[];
    limit: number;
    now: Date;
    lockUntil: Date;
    perEndpoint: number;
    ahead?: readonly HeldEndpoint[];
    aheadLockUntil?: Date;
  },
): Promise<ClaimedDelivery[]> {
  const { limit, now, lockUntil, perEndpoint } = o;
  const ahead = o.ahead ?? [];
  const aheadLockUntil = o.aheadLockUntil ?? lockUntil;
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('souk.webhook_deliveries.claim'))`.execute(trx);
    await settleSucceeded(trx, o.succeeded);
    if (limit <= 0 && ahead.length === 0) return [];
    const result = await sql<ClaimedDelivery>`
      WITH heads AS (
        SELECT e.id AS endpoint_id, h.due
        FROM webhook_endpoints e
        CROSS JOIN LATERAL (
          SELECT d.next_attempt_at AS due FROM webhook_deliveries d
          WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= ${now}
          ORDER BY d.next_attempt_at, d.event_position
          LIMIT 1
        ) h
        WHERE e.enabled
          AND NOT EXISTS (
            SELECT 1 FROM webhook_deliveries f
            WHERE f.endpoint_id = e.id AND f.status = 'pending' AND f.locked_until > ${now}
          )
      ),
      held AS (
        SELECT a.endpoint_id FROM unnest(
          ${ahead.map((a) => a.endpointId)}::text[], ${ahead.map((a) => a.heldUntil.toISOString())}::timestamptz[]
        ) AS a(endpoint_id, held_until)
        WHERE a.held_until > ${now} AND EXISTS (
          SELECT 1 FROM webhook_deliveries f
          WHERE f.endpoint_id = a.endpoint_id AND f.status = 'pending' AND f.locked_until = a.held_until
        )
      ),
      picked AS (
        (SELECT endpoint_id, false AS ahead FROM heads ORDER BY due, endpoint_id LIMIT ${Math.max(0, limit)})
        UNION ALL SELECT endpoint_id, true FROM held
      ),
      candidates AS (
        SELECT c.id, p.ahead FROM picked p CROSS JOIN LATERAL (
          SELECT d.id FROM webhook_deliveries d
          WHERE d.endpoint_id = p.endpoint_id AND d.status = 'pending' AND d.next_attempt_at <= ${now}
            AND (d.locked_until IS NULL OR d.locked_until <= ${now})
          ORDER BY d.next_attempt_at, d.event_position
          LIMIT ${perEndpoint}
        ) c
      ),
      claimed AS (
        UPDATE webhook_deliveries d
        SET locked_until = CASE WHEN c.ahead THEN ${aheadLockUntil}::timestamptz ELSE ${lockUntil}::timestamptz END
        FROM candidates c
        WHERE d.id = c.id AND d.status = 'pending' AND (d.locked_until IS NULL OR d.locked_until <= ${now})
        RETURNING d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempt_count,
          d.next_attempt_at, d.event_position
      ),
      secrets AS (
        SELECT p.endpoint_id, ${activeSecretsSql(sql.ref('p.endpoint_id'), now)} AS secrets FROM picked p
      )
      SELECT c.id, c.endpoint_id, c.event_id, c.event_type, c.payload, c.attempt_count, e.url, e.owner,
        s.secrets
      FROM claimed c
      JOIN webhook_endpoints e ON e.id = c.endpoint_id
      JOIN secrets s ON s.endpoint_id = c.endpoint_id
      ORDER BY c.endpoint_id, c.next_attempt_at, c.event_position
    `.execute(trx);
    return result.rows.map((r) => ({ ...r, attempt_count: Number(r.attempt_count) }));
  });
}

/** Gives claimed deliveries back unsent (still pending, due as they were). */
export async function releaseDeliveries(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('webhook_deliveries')
    .set({ locked_until: null })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Records successful attempts of many deliveries at once, in one statement: their attempts, the
 * deliveries succeeded and released, and their endpoints' failing state cleared.
 */
export async function settleSucceeded(trx: Transaction<Database>, attempts: readonly AttemptRecord[]) {
  if (attempts.length === 0) return;
  const column = <T>(f: (a: AttemptRecord) => T) => attempts.map(f);
  await sql`
    WITH v AS (
      SELECT * FROM unnest(
        ${column((a) => a.deliveryId)}::text[], ${column((a) => a.number)}::int[],
        ${column((a) => a.startedAt.toISOString())}::timestamptz[], ${column((a) => a.statusCode)}::int[],
        ${column((a) => Math.round(a.latencyMs))}::int[], ${column((a) => a.excerpt)}::text[],
        ${column((a) => a.error)}::text[]
      ) AS v(id, number, started_at, status_code, latency_ms, excerpt, error)
    ),
    attempts AS (
      INSERT INTO webhook_attempts
        (delivery_id, number, started_at, status_code, latency_ms, response_excerpt, error)
      SELECT id, number, started_at, status_code, latency_ms, excerpt, error FROM v
    ),
    settled AS (
      UPDATE webhook_deliveries d
      SET status = 'succeeded', attempt_count = v.number, next_attempt_at = NULL, locked_until = NULL,
        updated_at = now()
      FROM v
      WHERE d.id = v.id
      RETURNING d.endpoint_id
    )
    UPDATE webhook_endpoints SET failing_since = NULL, last_error = NULL
    WHERE id IN (SELECT endpoint_id FROM settled) AND failing_since IS NOT NULL
  `.execute(trx);
}

export interface AttemptRecord {
  deliveryId: string;
  number: number;
  startedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  excerpt: string | null;
  error: string | null;
}

/** The `webhook_attempts` row of an attempt. */
const attemptRow = (a: AttemptRecord) => ({
  delivery_id: a.deliveryId,
  number: a.number,
  started_at: a.startedAt,
  status_code: a.statusCode,
  latency_ms: a.latencyMs,
  response_excerpt: a.excerpt,
  error: a.error,
});

/** Appends an attempt to the delivery log. */
export async function insertAttempt(trx: Transaction<Database>, a: AttemptRecord): Promise<void> {
  await trx.insertInto('webhook_attempts').values(attemptRow(a)).execute();
}

/** Sets a delivery's outcome after an attempt and releases it. */
export async function settleDelivery(
  trx: Transaction<Database>,
  id: string,
  outcome: { status: 'pending' | 'succeeded' | 'failed'; attempts: number; nextAttemptAt: Date | null },
): Promise<void> {
  await trx
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      attempt_count: outcome.attempts,
      next_attempt_at: outcome.nextAttemptAt,
      locked_until: null,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Clears an endpoint's failing state after a success. */
export async function markEndpointHealthy(trx: Transaction<Database>, endpointId: string): Promise<void> {
  await trx
    .updateTable('webhook_endpoints')
    .set({ failing_since: null, last_error: null })
    .where('id', '=', endpointId)
    .where('failing_since', 'is not', null)
    .execute();
}

/** Records a failure; returns when the endpoint's current run of failures started. */
export async function markEndpointFailing(
  trx: Transaction<Database>,
  endpointId: string,
  error: string,
  now: Date,
): Promise<Date> {
  const row = await trx
    .updateTable('webhook_endpoints')
    .set({ failing_since: sql`coalesce(failing_since, ${now})`, last_error: error.slice(0, 1000) })
    .where('id', '=', endpointId)
    .returning('failing_since')
    .executeTakeFirstOrThrow();
  return row.failing_since ?? now;
}

/**
 * Disables an endpoint that kept failing and gives up its pending deliveries (they stay in the log as
 * failed; redeliver or replay them once the receiver is fixed and the endpoint enabled again).
 */
export async function disableFailingEndpoint(
  trx: Transaction<Database>,
  endpointId: string,
): Promise<boolean> {
  const updated = await trx
    .updateTable('webhook_endpoints')
    .set({ enabled: false, disabled_reason: 'failing', updated_at: new Date() })
    .where('id', '=', endpointId)
    .where('enabled', '=', true)
    .executeTakeFirst();
  await trx
    .updateTable('webhook_deliveries')
    .set({ status: 'failed', next_attempt_at: null, locked_until: null, updated_at: new Date() })
    .where('endpoint_id', '=', endpointId)
    .where('status', '=', 'pending')
    .execute();
  return Number(updated.numUpdatedRows) > 0;
}
