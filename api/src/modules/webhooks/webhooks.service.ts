import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { newestFirstPage } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { randomBase62 } from '../../lib/random.js';
import * as deliveriesRepo from './deliveries.repository.js';
import { checkWebhookUrl, type Resolve } from './url-guard.js';
import * as repo from './webhooks.repository.js';
import type { WebhookDeliveryStatus } from './webhooks.table.js';
import { checkTypesFor, type Owner, replayRange } from './webhooks.validation.js';
import { toDelivery, toEndpoint } from './webhooks.views.js';

type Schemas = components['schemas'];
type WebhookEndpoint = Schemas['WebhookEndpoint'];
type WebhookDelivery = Schemas['WebhookDelivery'];
type WithSecret = Schemas['WebhookEndpointWithSecret'];

/** Endpoints one owner may have. */
export const MAX_ENDPOINTS_PER_OWNER = 16;

/** A new signing secret: `whsec_` + 32 uniformly random base62 characters (~190 bits). */
export function generateSecret(): string {
  return `whsec_${randomBase62(32)}`;
}

/** A URL that passed `checkWebhookUrl`; only such a URL can be stored. */
export type CheckedUrl = string & { readonly checked: unique symbol };

/** Stored as given, without duplicates (the spec refuses them already; this keeps the column clean regardless). */
const normaliseTypes = (types: readonly string[]) => [...new Set(types)];

/**
 * Webhook endpoints of sellers (their events) and of the operator (every event): registration with a
 * URL guard, signing secrets and their rotation, the delivery log, redelivery and replay.
 */
export function createWebhooksService(deps: {
  db: Kysely<Database>;
  allowedHosts: readonly string[];
  requireHttps: boolean;
  clock?: () => Date;
  lookup?: Resolve;
}) {
  const { db } = deps;
  const clock = deps.clock ?? (() => new Date());
  const guard = {
    allowedHosts: deps.allowedHosts,
    requireHttps: deps.requireHttps,
    ...(deps.lookup ? { lookup: deps.lookup } : {}),
  };

  const load = async (trx: Kysely<Database>, owner: Owner, id: string) => {
    const row = await repo.findEndpoint(trx, owner, id, clock());
    if (!row) throw new AppError('not_found', `No webhook endpoint has the id '${id}'.`);
    return row;
  };

  const requireEnabled = (row: repo.EndpointRow) => {
    if (!row.enabled) {
      throw new AppError('invalid_state', 'The endpoint is disabled; enable it first (PATCH enabled: true).');
    }
  };

  return {
    /**
     * Checks a URL (scheme, credentials, where it resolves) before any transaction opens: DNS must not
     * hold a database connection.
     */
    async checkUrl(url: string): Promise<CheckedUrl> {
      await checkWebhookUrl(url, guard);
      return url as CheckedUrl;
    },

    list: async (owner: Owner) => (await repo.listEndpoints(db, owner, clock())).map(toEndpoint),

    get: async (owner: Owner, id: string) => toEndpoint(await load(db, owner, id)),

    /** Registers an endpoint with its first secret (shown only now); 409 past the per-owner cap. */
    async create(
      owner: Owner,
      input: Omit<Schemas['WebhookEndpointCreate'], 'url'> & { url: CheckedUrl },
      trx: Kysely<Database>,
    ): Promise<WithSecret> {
      checkTypesFor(owner, input.event_types);
      const now = clock();
      if ((await repo.lockAndCountEndpoints(trx, owner)) >= MAX_ENDPOINTS_PER_OWNER) {
        throw new AppError(
          'conflict',
          `At most ${MAX_ENDPOINTS_PER_OWNER} webhook endpoints are allowed; delete one first.`,
        );
      }
      const id = newId('whe', now.getTime());
      const enabled = input.enabled ?? true;
      await repo.insertEndpoint(trx, {
        id,
        owner,
        url: input.url,
        event_types: normaliseTypes(input.event_types),
        enabled,
        description: input.description ?? null,
        disabled_reason: enabled ? null : 'manual',
        now,
      });
      const secret = generateSecret();
      await repo.insertSecret(trx, { id: newId('whs', now.getTime()), endpoint_id: id, secret, now });
      return { endpoint: toEndpoint(await load(trx, owner, id)), secret };
    },

    /** Changes an endpoint; a new URL is checked again. Enabling clears the failing state. */
    async update(
      owner: Owner,
      id: string,
      input: Schemas['WebhookEndpointUpdate'],
    ): Promise<WebhookEndpoint> {
      await load(db, owner, id);
      if (input.event_types !== undefined) checkTypesFor(owner, input.event_types);
      if (input.url !== undefined) await checkWebhookUrl(input.url, guard);
      const ok = await repo.updateEndpoint(db, owner, id, {
        ...(input.url === undefined ? {} : { url: input.url }),
        ...(input.event_types === undefined ? {} : { event_types: normaliseTypes(input.event_types) }),
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(input.enabled === true
          ? { enabled: true, disabled_reason: null, failing_since: null, last_error: null }
          : input.enabled === false
            ? { enabled: false, disabled_reason: 'manual' as const }
            : {}),
        updated_at: clock(),
      });
      // Deleted between the load and the update: the same answer as if it had never existed.
      if (!ok) throw new AppError('not_found', `No webhook endpoint has the id '${id}'.`);
      return toEndpoint(await load(db, owner, id));
    },

    /** Deletes an endpoint with its secrets and delivery log (the foreign keys cascade). */
    async remove(owner: Owner, id: string): Promise<void> {
      if (!(await repo.deleteEndpoint(db, owner, id))) {
        throw new AppError('not_found', `No webhook endpoint has the id '${id}'.`);
      }
    },

    /**
     * Issues a new secret. The newest old one keeps signing for `expire_previous_in_hours` (default
     * 24, 0 = stops now); any older one still active stops now.
     */
    async rotate(
      owner: Owner,
      id: string,
      input: Schemas['WebhookSecretRotate'] | undefined,
      trx: Kysely<Database>,
    ): Promise<WithSecret> {
      const now = clock();
      // Locks the endpoint: a concurrent rotation waits and then sees this one's secret as the newest.
      if (!(await repo.lockEndpoint(trx, owner, id))) {
        throw new AppError('not_found', `No webhook endpoint has the id '${id}'.`);
      }
      const hours = input?.expire_previous_in_hours ?? 24;
      await repo.retireSecrets(trx, id, now, new Date(now.getTime() + hours * 3_600_000));
      const secret = generateSecret();
      await repo.insertSecret(trx, { id: newId('whs', now.getTime()), endpoint_id: id, secret, now });
      return { endpoint: toEndpoint(await load(trx, owner, id)), secret };
    },

    /** A page of an endpoint's delivery log, newest first, each delivery with its attempts (3 queries). */
    async listDeliveries(
      owner: Owner,
      endpointId: string,
      input: { status?: WebhookDeliveryStatus; limit?: number; cursor?: string },
    ): Promise<Schemas['WebhookDeliveryList']> {
      await load(db, owner, endpointId);
      const page = await newestFirstPage(
        input,
        ['webhook-deliveries', endpointId, input.status],
        (after, limit) =>
          deliveriesRepo.listDeliveries(db, {
            endpointId,
            ...(input.status ? { status: input.status } : {}),
            ...(after ? { after } : {}),
            limit,
          }),
      );
      // One query for the attempts of the whole page (Map.groupBy needs Node 21; this runs on 20).
      const attempts = new Map<string, deliveriesRepo.AttemptRow[]>();
      for (const a of await deliveriesRepo.attemptsOf(
        db,
        page.rows.map((r) => r.id),
      )) {
        attempts.set(a.delivery_id, [...(attempts.get(a.delivery_id) ?? []), a]);
      }
      return {
        data: page.rows.map((r) => toDelivery(r, attempts.get(r.id) ?? [])),
        next_cursor: page.next_cursor,
      };
    },

    /** Queues a delivery for an attempt now, whatever its status; 409 while the endpoint is disabled. */
    async redeliver(
      owner: Owner,
      endpointId: string,
      deliveryId: string,
      trx: Kysely<Database>,
    ): Promise<WebhookDelivery> {
      const endpoint = await load(trx, owner, endpointId);
      requireEnabled(endpoint);
      const row = await deliveriesRepo.requeueDelivery(trx, endpointId, deliveryId, clock());
      if (!row) throw new AppError('not_found', `The endpoint has no delivery with the id '${deliveryId}'.`);
      return toDelivery(row, await deliveriesRepo.attemptsOf(trx, [row.id]));
    },

    /** Queues every event of [from, to) the endpoint may see and subscribes to; at most 31 days. */
    async replay(
      owner: Owner,
      endpointId: string,
      input: Schemas['WebhookReplay'],
      trx: Kysely<Database>,
    ): Promise<Schemas['WebhookReplayResult']> {
      const { from, to } = replayRange(input);
      const endpoint = await load(trx, owner, endpointId);
      requireEnabled(endpoint);
      return { queued: await deliveriesRepo.queueReplay(trx, endpoint, { from, to }, clock()) };
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
