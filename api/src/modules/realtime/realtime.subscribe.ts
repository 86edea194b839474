import type { Kysely } from 'kysely';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { hashKey } from '../auth/index.js';
import { relayRoundsSettled, toBusEvent } from '../events/index.js';
import type { ActorSellerLookup } from './realtime.actor.js';
import type { RealtimeProblem, SocketIdentity } from './realtime.auth.js';
import { problemOf } from './realtime.auth.js';
import type { CartRooms } from './realtime.carts.js';
import * as repo from './realtime.repository.js';
import {
  messageFor,
  parseRoom,
  publicRoomName,
  type RealtimeNamespace,
  type RoomRef,
  roomName,
} from './realtime.rooms.js';
import type { OrderWatch } from './realtime.watch.js';

/** Limits of one connection. */
export interface SubscribeLimits {
  maxRooms: number;
  /** Joins allowed per 10 seconds. */
  joinsPer10s: number;
  /** Events replayed at most per join; beyond it the answer says `complete: false` (refetch instead). */
  replayLimit: number;
}

/** The answer to `subscribe`. */
export type SubscribeAck =
  | { ok: true; room: string; replayed: number; complete: boolean }
  | ({ ok: false } & RealtimeProblem);

const request = z.object({
  room: z.string().min(1).max(100),
  since: z.string().min(1).max(100).optional(),
  token: z.string().min(1).max(200).optional(),
});

/**
 * Handles `subscribe` and `unsubscribe` on a socket: checks the room exists and the socket may watch it,
 * enforces the room cap and the join rate, replays what the client missed after `since`, then joins.
 */
export function handleSubscriptions(
  socket: Socket,
  namespace: RealtimeNamespace,
  deps: {
    db: Kysely<Database>;
    limits: SubscribeLimits;
    sellerOf: ActorSellerLookup;
    carts: CartRooms;
    orderWatch: Pick<OrderWatch, 'verify'>;
  },
): void {
  const { db, limits, sellerOf } = deps;
  const joins: number[] = [];
  const { principal } = socket.data as SocketIdentity;
  const sellerId = principal.kind === 'seller' ? principal.sellerId : undefined;

  async function authorize(ref: RoomRef, token: string | undefined): Promise<void> {
    if (ref.channel === 'product') {
      if (!(await repo.isProductPublished(db, ref.key)))
        throw new AppError('not_found', `No published product '${ref.key}'.`);
    } else if (ref.channel === 'order') {
      const customerId = principal.kind === 'publishable' ? principal.customerId : undefined;
      if (token === undefined && customerId === undefined)
        throw new AppError(
          'unauthorized',
          "Watching an order needs its access token or watch token (`token`), or the signed-in customer's ID token in the handshake.",
        );
      const row = await repo.findOrderAccess(db, ref.key);
      const byToken = token !== undefined && row?.access_token_hash === hashKey(token);
      const byCustomer = customerId !== undefined && row?.customer_id === customerId;
      // Or a watch token (realtime.watch.ts), signed for this order's id with the customer's read of it.
      const byWatch =
        !byToken &&
        !byCustomer &&
        token !== undefined &&
        row !== undefined &&
        (await deps.orderWatch.verify(ref.key, token));
      // A wrong token is the same answer as an unknown order, as over HTTP.
      if (!byToken && !byCustomer && !byWatch)
        throw new AppError('not_found', `No order '${ref.key}' with this token.`);
    } else if (ref.channel === 'cart') {
      // Knowing the id is the credential, as over HTTP.
      if (!(await repo.cartExists(db, ref.key))) throw new AppError('not_found', `No cart '${ref.key}'.`);
    }
  }

  /** Sends the room's events after `afterSeq`; returns how many and the last sequence sent. */
  async function replay(ref: RoomRef, afterSeq: number, budget: number) {
    const rows = await repo.roomEventsAfter(db, ref, afterSeq, budget + 1);
    const sent = rows.slice(0, budget);
    const room = publicRoomName(ref);
    for (const row of sent)
      socket.emit('event', { room, event: await messageFor(ref.channel, toBusEvent(row), sellerOf) });
    const last = sent.at(-1);
    return {
      count: sent.length,
      lastSeq: last ? Number(last.published_seq) : afterSeq,
      more: rows.length > budget,
    };
  }

  async function subscribe(raw: unknown): Promise<SubscribeAck> {
    const parsed = request.safeParse(raw);
    if (!parsed.success)
      throw new AppError('validation_failed', 'Send { room, since?, token? } with string values.');
    const { room, since, token } = parsed.data;
    const ref = parseRoom(namespace, room, sellerId);
    if (!ref) throw new AppError('not_found', `No room '${room}' in ${namespace}.`);
    const now = Date.now();
    while (joins.length > 0 && (joins[0] ?? 0) < now - 10_000) joins.shift();
    if (joins.length >= limits.joinsPer10s)
      throw new AppError('rate_limited', `At most ${limits.joinsPer10s} subscriptions per 10 seconds.`);
    joins.push(now);
    const name = roomName(ref);
    if (!socket.rooms.has(name) && socket.rooms.size - 1 >= limits.maxRooms)
      throw new AppError(
        'invalid_state',
        `At most ${limits.maxRooms} rooms per connection; unsubscribe first.`,
      );
    await authorize(ref, token);
    if (ref.channel === 'cart') {
      // No history to replay: the cart as it is now is the catch-up, whatever `since` says.
      await socket.join(name);
      await deps.carts.joined(socket, ref.key).catch(async (err: unknown) => {
        await socket.leave(name);
        throw err;
      });
      return { ok: true, room, replayed: 1, complete: true };
    }
    if (since === undefined) {
      await socket.join(name);
      return { ok: true, room, replayed: 0, complete: true };
    }
    const found = await sinceSeq(since);
    if (found === undefined) {
      await socket.join(name);
      return { ok: true, room, replayed: 0, complete: false };
    }
    // Replay, join, then replay what committed in between: nothing falls in the gap (duplicates may,
    // and clients drop them by event id). Between join and the second replay, a relay round still
    // publishing is waited for: Kafka can bring a room an event before its round marks it, and one
    // sent just before the join would otherwise be in neither replay.
    const first = await replay(ref, found, limits.replayLimit);
    await socket.join(name);
    if (!first.more) await relayRoundsSettled(db);
    const second = first.more
      ? { count: 0, more: true }
      : await replay(ref, first.lastSeq, limits.replayLimit - first.count);
    return { ok: true, room, replayed: first.count + second.count, complete: !second.more };
  }

  /** The sequence of the client's last event; it may lag the event by a moment (relay commit). */
  async function sinceSeq(eventId: string): Promise<number | undefined> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const row = await repo.publishedSeqOf(db, eventId);
      if (!row) return undefined;
      if (row.seq !== null) return row.seq;
      await new Promise((r) => setTimeout(r, 50));
    }
    return undefined;
  }

  socket.on('subscribe', (raw: unknown, ack?: (answer: SubscribeAck) => void) => {
    subscribe(raw).then(
      (answer) => ack?.(answer),
      (err) => ack?.({ ok: false, ...problemOf(err) }),
    );
  });
  socket.on('unsubscribe', (raw: unknown, ack?: (answer: { ok: boolean }) => void) => {
    const room = typeof raw === 'object' && raw !== null ? (raw as { room?: unknown }).room : undefined;
    const ref = typeof room === 'string' ? parseRoom(namespace, room, sellerId) : undefined;
    if (ref) void socket.leave(roomName(ref));
    ack?.({ ok: ref !== undefined });
  });
}
