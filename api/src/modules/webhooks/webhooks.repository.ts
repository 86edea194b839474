import { type Insertable, type Kysely, type RawBuilder, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { WebhookEndpointsTable } from './webhooks.table.js';

type Db = Kysely<Database>;

/**
 * The current secret is the one rotation has not retired (`expires_at` null); ordering by that first
 * keeps "newest" right even when two secrets share a millisecond.
 */
const NEWEST_FIRST = sql<boolean>`expires_at IS NULL`;

/** An endpoint with what its view derives from its secrets at `now`. */
export async function findEndpoint(db: Db, owner: string, id: string, now: Date) {
  const rows = await selectEndpoints(db, now).where('e.owner', '=', owner).where('e.id', '=', id).execute();
  return rows[0];
}

/** An owner's endpoints, oldest first. */
export function listEndpoints(db: Db, owner: string, now: Date) {
  return selectEndpoints(db, now)
    .where('e.owner', '=', owner)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

export type EndpointRow = Awaited<ReturnType<typeof listEndpoints>>[number];

function selectEndpoints(db: Db, now: Date) {
  return db
    .selectFrom('webhook_endpoints as e')
    .selectAll('e')
    .select((eb) => [
      eb
        .selectFrom('webhook_secrets as s')
        .select(sql<string>`right(s.secret, 4)`.as('hint'))
        .whereRef('s.endpoint_id', '=', 'e.id')
        .orderBy(sql`s.expires_at IS NULL`, 'desc')
        .orderBy('s.created_at', 'desc')
        .orderBy('s.id', 'desc')
        .limit(1)
        .as('secret_hint'),
      eb
        .selectFrom('webhook_secrets as s')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.endpoint_id', '=', 'e.id')
        .where((w) => w.or([w('s.expires_at', 'is', null), w('s.expires_at', '>', now)]))
        .as('secrets_active'),
    ]);
}

/** Locks an owner's endpoint row for the rest of the transaction; false when there is none. */
export async function lockEndpoint(trx: Db, owner: string, id: string): Promise<boolean> {
  const row = await trx
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('owner', '=', owner)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/** How many endpoints an owner has, after serialising creates of that owner (a transaction-scoped lock). */
export async function lockAndCountEndpoints(trx: Db, owner: string): Promise<number> {
  // Two concurrent creates would both see 15 and both insert; the lock makes the cap exact.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`webhook_endpoints:${owner}`}))`.execute(trx);
  const row = await trx
    .selectFrom('webhook_endpoints')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('owner', '=', owner)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertEndpoint(
  trx: Db,
  row: Omit<Insertable<WebhookEndpointsTable>, 'created_at' | 'updated_at'> & { now: Date },
) {
  const { now, ...values } = row;
  await trx
    .insertInto('webhook_endpoints')
    .values({ ...values, created_at: now, updated_at: now })
    .execute();
}

export async function updateEndpoint(
  db: Db,
  owner: string,
  id: string,
  changes: Omit<Updateable<WebhookEndpointsTable>, 'id' | 'owner' | 'created_at'> & { updated_at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoints')
    .set(changes)
    .where('owner', '=', owner)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return result !== undefined;
}

export async function deleteEndpoint(db: Db, owner: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('owner', '=', owner)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return result !== undefined;
}

export async function insertSecret(
  trx: Db,
  row: { id: string; endpoint_id: string; secret: string; now: Date },
) {
  await trx
    .insertInto('webhook_secrets')
    .values({
      id: row.id,
      endpoint_id: row.endpoint_id,
      secret: row.secret,
      created_at: row.now,
      expires_at: null,
    })
    .execute();
}

/**
 * Retires the secrets of an endpoint before a new one is added: the newest still-active one signs on
 * until `previousUntil`, every older active one stops at `now`.
 */
export async function retireSecrets(trx: Db, endpointId: string, now: Date, previousUntil: Date) {
  const active = await trx
    .selectFrom('webhook_secrets')
    .select('id')
    .where('endpoint_id', '=', endpointId)
    .where((w) => w.or([w('expires_at', 'is', null), w('expires_at', '>', now)]))
    .orderBy(NEWEST_FIRST, 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .forUpdate()
    .execute();
  const [newest, ...older] = active;
  if (newest) {
    await trx
      .updateTable('webhook_secrets')
      .set({ expires_at: previousUntil })
      .where('id', '=', newest.id)
      .execute();
  }
  if (older.length > 0) {
    await trx
      .updateTable('webhook_secrets')
      .set({ expires_at: now })
      .where(
        'id',
        'in',
        older.map((s) => s.id),
      )
      .execute();
  }
}

/**
 * SQL for the secrets that sign an endpoint's deliveries at `now`, newest first, as `text[]` (2 during
 * a rotation overlap). The delivery worker embeds it in its claim query, so there is one definition.
 */
export function activeSecretsSql(endpointId: RawBuilder<unknown> | string, now: Date): RawBuilder<string[]> {
  return sql<string[]>`array(
    SELECT s.secret FROM webhook_secrets s
    WHERE s.endpoint_id = ${endpointId} AND (s.expires_at IS NULL OR s.expires_at > ${now})
    ORDER BY (s.expires_at IS NULL) DESC, s.created_at DESC, s.id DESC
  )`;
}

/** The secrets that sign an endpoint's deliveries at `now`, newest first. */
export async function activeSecrets(db: Db, endpointId: string, now: Date): Promise<string[]> {
  const result = await sql<{
    secrets: string[];
  }>`SELECT ${activeSecretsSql(endpointId, now)} AS secrets`.execute(db);
  return result.rows[0]?.secrets ?? [];
}
