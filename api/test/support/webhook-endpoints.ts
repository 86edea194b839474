import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

/**
 * Inserts one endpoint per name: `whe_<name>`, owned by `sel_<name>`, subscribed to every event type,
 * posting to `urls[name]`, with the signing secret `whsec_<name>` (`whs_<name>`).
 */
export async function insertEndpoints(db: Kysely<Database>, urls: Record<string, string>): Promise<void> {
  const entries = Object.entries(urls);
  await db
    .insertInto('webhook_endpoints')
    .values(entries.map(([n, url]) => ({ id: `whe_${n}`, owner: `sel_${n}`, url, event_types: ['*'] })))
    .execute();
  await db
    .insertInto('webhook_secrets')
    .values(entries.map(([n]) => ({ id: `whs_${n}`, endpoint_id: `whe_${n}`, secret: `whsec_${n}` })))
    .execute();
}
