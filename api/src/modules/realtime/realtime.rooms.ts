import { type RealtimeChannel, realtimeChannels } from '../../generated/realtime.js';
import type { Actor } from '../../lib/actor.js';
import { hashKey } from '../auth/index.js';
import type { BusEvent } from '../events/bus.js';
import { type EventEnvelope, toEnvelope } from '../events/envelope.js';
import { type ActorSellerLookup, actorFor } from './realtime.actor.js';

/** The Socket.IO namespaces: storefronts and shoppers, and sellers. */
export type RealtimeNamespace = (typeof realtimeChannels)[RealtimeChannel]['namespace'];

/** A room as the server keys it: the channel and the value of its room key (product, order or seller id). */
export interface RoomRef {
  channel: RealtimeChannel;
  key: string;
}

/** An event as a channel sends it: the envelope, with `actor` only where the channel keeps it. */
export type RealtimeEnvelope = Omit<EventEnvelope, 'actor'> & { actor?: Actor };

/** What a client receives: the room it subscribed to (as it named it) and the event's envelope. */
export interface RealtimeMessage {
  room: string;
  event: RealtimeEnvelope;
}

/** One message to send: to the sockets in `room` of `namespace`. */
export interface Delivery {
  namespace: RealtimeNamespace;
  /** The server-side room (`<channel>:<key>`, e.g. `feed:sel_…` for one seller's feed). */
  room: string;
  message: RealtimeMessage;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const channelsOf = Object.entries(realtimeChannels) as [
  RealtimeChannel,
  (typeof realtimeChannels)[RealtimeChannel],
][];

/**
 * The server-side name of a room. A snapshot channel's key is a credential (a cart's id): its room is
 * named by a one-way hash of it, so the id never reaches the adapter (Redis) or another instance.
 */
export const roomName = (ref: RoomRef): string =>
  realtimeChannels[ref.channel].snapshot ? `${ref.channel}:${hashKey(ref.key)}` : `${ref.channel}:${ref.key}`;

/**
 * The room a client names in a namespace (`product:prd_…`, `order:ord_…` on `/store`; `feed` on
 * `/seller`, whose key is the connected seller), or undefined when no channel matches.
 */
export function parseRoom(
  namespace: RealtimeNamespace,
  name: string,
  sellerId?: string,
): RoomRef | undefined {
  for (const [channel, spec] of channelsOf) {
    if (spec.namespace !== namespace) continue;
    const [prefix, param] = spec.address.split(/\{(\w+)\}/);
    if (param === undefined) {
      if (name === spec.address && sellerId) return { channel, key: sellerId };
      continue;
    }
    if (!name.startsWith(prefix ?? '')) continue;
    const key = name.slice((prefix ?? '').length);
    if (ID.test(key)) return { channel, key };
  }
  return undefined;
}

/** The name a client uses for a room (the channel's address with its parameter filled in). */
export function publicRoomName(ref: RoomRef): string {
  const { address } = realtimeChannels[ref.channel];
  return address.includes('{') ? address.replace(/\{\w+\}/, ref.key) : address;
}

/**
 * The envelope a channel sends: the event's, with the `actor` the channel allows (`actorFor`; none
 * at all on storefront channels) and without the `data` fields the channel leaves out.
 */
export async function messageFor(
  channel: RealtimeChannel,
  event: BusEvent,
  sellerOf: ActorSellerLookup,
): Promise<RealtimeEnvelope> {
  const { actor: _actor, ...rest } = toEnvelope(event);
  const actor = await actorFor(channel, event, sellerOf);
  const omit: readonly string[] = realtimeChannels[channel].omitData;
  const data = Object.fromEntries(Object.entries(rest.data).filter(([k]) => !omit.includes(k)));
  return actor ? { ...rest, actor, data } : { ...rest, data };
}

/** The value of a channel's room key in an event: a `data` field, or the envelope's `seller_id`. */
export function roomKeyOf(channel: RealtimeChannel, event: BusEvent): string | undefined {
  const field = realtimeChannels[channel].roomKey;
  const value = field === 'seller_id' ? event.seller_id : event.data[field];
  return typeof value === 'string' ? value : undefined;
}

/** Every message an event becomes, per the channels of spec/asyncapi.yaml. */
export async function deliveriesOf(event: BusEvent, sellerOf: ActorSellerLookup): Promise<Delivery[]> {
  const out: Delivery[] = [];
  for (const [channel, spec] of channelsOf) {
    // Snapshot channels send state read on demand (realtime.carts.ts), never a bus event.
    if (spec.snapshot) continue;
    if (!(spec.events as readonly string[]).includes(event.type)) continue;
    const key = roomKeyOf(channel, event);
    if (key === undefined) continue;
    const ref = { channel, key };
    out.push({
      namespace: spec.namespace,
      room: roomName(ref),
      message: { room: publicRoomName(ref), event: await messageFor(channel, event, sellerOf) },
    });
  }
  return out;
}
