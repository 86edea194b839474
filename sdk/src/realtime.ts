import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { type RealtimeChannel, type RealtimeMessages, realtimeChannels } from './generated/realtime.js';

type Channels = typeof realtimeChannels;
/** `product:{productId}` → `product:${string}`: the room names a channel's address allows. */
type Fill<A extends string> = A extends `${infer P}{${string}}${infer S}` ? `${P}${string}${S}` : A;
/** The room names of a channel. */
export type RoomOf<C extends RealtimeChannel> = Fill<Channels[C]['address']>;
/** The channels of a namespace (`store` or `seller`). */
export type ChannelIn<N extends RealtimeNamespace> = {
  [C in RealtimeChannel]: Channels[C]['namespace'] extends `/${N}` ? C : never;
}[RealtimeChannel];
/** The channel a room name belongs to. */
export type ChannelOfRoom<R extends string> = {
  [C in RealtimeChannel]: R extends RoomOf<C> ? C : never;
}[RealtimeChannel];
/** What a room's handler receives: one event envelope of the room's channel, typed by its schema. */
export type RealtimeEventOf<R extends string> = RealtimeMessages[ChannelOfRoom<R>];
export type { RealtimeChannel, RealtimeMessages };

export type RealtimeNamespace = 'store' | 'seller';

/** A refused connection or subscription: the API's Problem code, HTTP-equivalent status and detail. */
export interface RealtimeProblem {
  code: string;
  status: number;
  title?: string;
  detail: string;
}

export interface RealtimeClientOptions<N extends RealtimeNamespace> {
  /** The API's origin, e.g. `https://api.souk.dev` (Socket.IO's path `/socket.io` is appended). */
  baseUrl: string;
  namespace: N;
  /** A publishable key (`store`) or a seller secret key (`seller`). */
  apiKey?: string;
  /** A shopper's (store) or staff member's (seller) Firebase ID token. */
  token?: string;
  /** Called when the server refuses the connection or a (re)subscription. */
  onError?: (problem: RealtimeProblem, room?: string) => void;
  /**
   * Called when a room could not be caught up completely after a reconnect (too many missed events,
   * or the last seen one is unknown): reload that room's state over REST.
   */
  onGap?: (room: string) => void;
  /** Extra socket.io-client options (transports, reconnection delays…). */
  socket?: Partial<ManagerOptions & SocketOptions>;
}

type Ack =
  | { ok: true; room: string; replayed: number; complete: boolean }
  | ({ ok: false } & RealtimeProblem);

export interface RealtimeSubscription {
  /** Stops this handler; the room is left when its last handler is gone. */
  unsubscribe(): void;
}

/** A typed live connection to one namespace of the Souk API. */
export interface RealtimeClient<N extends RealtimeNamespace> {
  /**
   * Joins a room and calls `handler` with each of its events, once each, in order. After a dropped
   * connection the client reconnects, joins again and asks for everything after the last event it saw.
   * Resolves when the server accepted the room; rejects with a {@link RealtimeProblem}.
   */
  subscribe<R extends RoomOf<ChannelIn<N>>>(
    room: R,
    handler: (event: RealtimeEventOf<R>) => void,
    options?: { token?: string; since?: string },
  ): Promise<RealtimeSubscription>;
  /**
   * Watches a cart (`cart:<id>` on `store`): `handler` gets the whole cart at once, then again after
   * every committed change to it — from another tab or device, or a price, stock or product change of
   * one of its lines. After a reconnect the room is joined again and the current cart sent.
   */
  subscribeCart(
    cartId: string,
    handler: (cart: RealtimeMessages['cart']['data']) => void,
  ): Promise<RealtimeSubscription>;
  /** The id of the last event seen in a room (to resume from it in a later session). */
  lastEventId(room: string): string | undefined;
  readonly socket: Socket;
  close(): void;
}

interface RoomState {
  handlers: Set<(event: never) => void>;
  token: string | undefined;
  lastId: string | undefined;
  /** Recent event ids, to drop the duplicates at-least-once delivery and catch-up can cause. */
  seen: Set<string>;
}

const SEEN_LIMIT = 500;

/** Opens a typed Socket.IO connection to `/store` or `/seller`. */
export function createRealtimeClient<N extends RealtimeNamespace>(
  options: RealtimeClientOptions<N>,
): RealtimeClient<N> {
  const auth: Record<string, string> = {};
  if (options.apiKey) auth.key = options.apiKey;
  if (options.token) auth.token = options.token;
  const socket = io(`${options.baseUrl.replace(/\/$/, '')}/${options.namespace}`, {
    auth,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    ...options.socket,
  });
  const rooms = new Map<string, RoomState>();

  function join(room: string, state: RoomState, since: string | undefined): Promise<Ack> {
    // A snapshot room (a cart) has no history: joining sends its state, so `since` means nothing there.
    const resume = since && !isSnapshotRoom(room) ? { since } : {};
    const request = { room, ...(state.token ? { token: state.token } : {}), ...resume };
    return socket.timeout(15_000).emitWithAck('subscribe', request) as Promise<Ack>;
  }

  socket.on('event', (message: { room: string; event: { id: string } }) => {
    const state = rooms.get(message.room);
    if (!state || state.seen.has(message.event.id)) return;
    state.seen.add(message.event.id);
    if (state.seen.size > SEEN_LIMIT) state.seen.delete(state.seen.values().next().value as string);
    state.lastId = message.event.id;
    for (const h of state.handlers) (h as (e: unknown) => void)(message.event);
  });
  socket.on('connect_error', (err: Error & { data?: RealtimeProblem }) => {
    if (err.data) options.onError?.(err.data);
  });
  // Socket.IO reconnects by itself; the rooms are the client's to rejoin, from where it left off.
  socket.io.on('reconnect', () => {
    for (const [room, state] of rooms) {
      join(room, state, state.lastId).then(
        (ack) => {
          if (!ack.ok) options.onError?.(ack, room);
          else if (!ack.complete) options.onGap?.(room);
        },
        () => options.onGap?.(room),
      );
    }
  });

  const client: RealtimeClient<N> = {
    socket,
    lastEventId: (room) => rooms.get(room)?.lastId,
    // Cart rooms are on `store` only; on a `seller` client the server refuses the room (not_found).
    subscribeCart: (cartId, handler) =>
      (client as unknown as RealtimeClient<'store'>).subscribe(`cart:${cartId}`, (event) =>
        handler(event.data),
      ),
    async subscribe(room, handler, opts = {}) {
      let state = rooms.get(room);
      const fresh = !state;
      if (!state) {
        state = { handlers: new Set(), token: opts.token, lastId: opts.since, seen: new Set() };
        rooms.set(room, state);
      }
      state.handlers.add(handler as (event: never) => void);
      if (fresh) {
        const ack = await join(room, state, opts.since).catch((err: Error) => {
          rooms.delete(room);
          throw err;
        });
        if (!ack.ok) {
          rooms.delete(room);
          throw Object.assign(new Error(ack.detail), { problem: ack });
        }
        if (!ack.complete) options.onGap?.(room);
      }
      const current = state;
      return {
        unsubscribe() {
          current.handlers.delete(handler as (event: never) => void);
          if (current.handlers.size === 0 && rooms.get(room) === current) {
            rooms.delete(room);
            socket.emit('unsubscribe', { room });
          }
        },
      };
    },
    close: () => socket.disconnect(),
  };
  return client;
}

const snapshotPrefixes = Object.values(realtimeChannels).flatMap((c) =>
  c.snapshot ? [c.address.split('{')[0] ?? c.address] : [],
);
const isSnapshotRoom = (room: string) => snapshotPrefixes.some((p) => room.startsWith(p));
