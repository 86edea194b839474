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
 * Takes up to `limit` due deliveries for this worker until `lockUntil`: for each enabled endpoint
 * only its oldest due delivery, and none for an endpoint that has one in flight — so one endpoint
 * receives its events one at a time, in the order they happened (until a retry waits). The guarded
 * UPDATE is the claim: of two workers racing for a row, only one sees its condition still true.
 */
export async function claimDue(
  db: Kysely<Database>,
  limit: number,
  now: Date,
  lockUntil: Date,
): Promise<ClaimedDelivery[]> {
  const result = await sql<ClaimedDelivery>`
    WITH candidates AS (
      SELECT DISTINCT ON (d.endpoint_id) d.id
      FROM webhook_deliveries d
      JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.enabled
      WHERE d.status = 'pending' AND d.next_attempt_at <= ${now}
        AND NOT EXISTS (
          SELECT 1 FROM webhook_deliveries f
          WHERE f.endpoint_id = d.endpoint_id AND f.status = 'pending' AND f.locked_until > ${now}
        )
      ORDER BY d.endpoint_id, d.next_attempt_at, d.event_position
      LIMIT ${limit}
    ),
    claimed AS (
      UPDATE webhook_deliveries d SET locked_until = ${lockUntil}
      FROM candidates c
      WHERE d.id = c.id AND d.status = 'pending' AND (d.locked_until IS NULL OR d.locked_until <= ${now})
      RETURNING d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempt_count
    )
    SELECT c.*, e.url, e.owner,
      ${activeSecretsSql(sql.ref('c.endpoint_id'), now)} AS secrets
    FROM claimed c JOIN webhook_endpoints e ON e.id = c.endpoint_id
  `.execute(db);
  return result.rows.map((r) => ({ ...r, attempt_count: Number(r.attempt_count) }));
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

/** Appends an attempt to the delivery log. */
export async function insertAttempt(trx: Transaction<Database>, a: AttemptRecord): Promise<void> {
  await trx
    .insertInto('webhook_attempts')
    .values({
      delivery_id: a.deliveryId,
      number: a.number,
      started_at: a.startedAt,
      status_code: a.statusCode,
      latency_ms: a.latencyMs,
      response_excerpt: a.excerpt,
      error: a.error,
    })
    .execute();
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
