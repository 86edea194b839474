import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../db/schema.js';
import { type RealtimeChannel, realtimeChannels } from '../../generated/realtime.js';
import type { Actor } from '../../lib/actor.js';
import type { BusEvent } from '../events/bus.js';
import * as repo from './realtime.repository.js';

/** The seller an actor acts for (its API key's or staff member's seller), or null for anyone else. */
export type ActorSellerLookup = (actor: Actor) => Promise<string | null>;

/**
 * Looks up whose an actor is, cached: a key or a staff member never changes seller, so an answer
 * stays true for the life of the process and the feed costs no query per message once warm.
 */
export function createActorSellerLookup(db: Kysely<Database>, max = 10_000): ActorSellerLookup {
  const cache = new LRUCache<string, { sellerId: string | null }>({ max });
  return async (actor) => {
    if ((actor.type !== 'api_key' && actor.type !== 'seller_staff') || !actor.id) return null;
    const key = `${actor.type}:${actor.id}`;
    const hit = cache.get(key);
    if (hit) return hit.sellerId;
    const sellerId =
      actor.type === 'api_key'
        ? await repo.sellerOfApiKey(db, actor.id)
        : await repo.sellerOfStaff(db, actor.id);
    cache.set(key, { sellerId });
    return sellerId;
  };
}

/**
 * The `actor` a channel sends with an event, per its `x-souk-actor` in spec/asyncapi.yaml: none on
 * storefront channels (`omit`); on the seller feed (`own`) the actor when it is the seller's own key
 * or staff member, otherwise only its type (a shopper's or the operator's ids are not the seller's).
 */
export async function actorFor(
  channel: RealtimeChannel,
  event: BusEvent,
  sellerOf: ActorSellerLookup,
): Promise<Actor | undefined> {
  if (realtimeChannels[channel].actor === 'omit') return undefined;
  const { actor } = event;
  if (actor.type === 'system') return { type: 'system' };
  const owner = event.seller_id === null ? null : await sellerOf(actor);
  return owner !== null && owner === event.seller_id ? actor : { type: actor.type };
}
