import { type RealtimeChannel, realtimeChannels } from '../../generated/realtime.js';
import type { BusEvent } from '../events/bus.js';
import { type EventEnvelope, toEnvelope } from '../events/envelope.js';

/** The Socket.IO namespaces: storefronts and shoppers, and sellers. */
export type RealtimeNamespace = (typeof realtimeChannels)[RealtimeChannel]['namespace'];

/** A room as the server keys it: the channel and the value of its room key (product, order or seller id). */
export interface RoomRef {
  channel: RealtimeChannel;
  key: string;
}

/** What a client receives: the room it subscribed to (as it named it) and the event's envelope. */
export interface RealtimeMessage {
  room: string;
  event: EventEnvelope;
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

/** The server-side name of a room. */
export const roomName = (ref: RoomRef): string => `${ref.channel}:${ref.key}`;

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

/** The envelope a channel sends: the event's, without the `data` fields the channel leaves out. */
export function messageFor(channel: RealtimeChannel, event: BusEvent): EventEnvelope {
  const envelope = toEnvelope(event);
  const omit: readonly string[] = realtimeChannels[channel].omitData;
  if (omit.length === 0) return envelope;
  const data = Object.fromEntries(Object.entries(envelope.data).filter(([k]) => !omit.includes(k)));
  return { ...envelope, data };
}

/** The value of a channel's room key in an event: a `data` field, or the envelope's `seller_id`. */
export function roomKeyOf(channel: RealtimeChannel, event: BusEvent): string | undefined {
  const field = realtimeChannels[channel].roomKey;
  const value = field === 'seller_id' ? event.seller_id : event.data[field];
  return typeof value === 'string' ? value : undefined;
}

/** Every message an event becomes, per the channels of spec/asyncapi.yaml. */
export function deliveriesOf(event: BusEvent): Delivery[] {
  const out: Delivery[] = [];
  for (const [channel, spec] of channelsOf) {
    if (!(spec.events as readonly string[]).includes(event.type)) continue;
    const key = roomKeyOf(channel, event);
    if (key === undefined) continue;
    const ref = { channel, key };
    out.push({
      namespace: spec.namespace,
      room: roomName(ref),
      message: { room: publicRoomName(ref), event: messageFor(channel, event) },
    });
  }
  return out;
}
