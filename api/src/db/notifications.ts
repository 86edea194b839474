import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Logger } from '../lib/logger.js';

/**
 * PostgreSQL LISTEN/NOTIFY as wake-ups for background loops (relay, embedded bus, plugin runner,
 * webhook delivery worker). Triggers send `pg_notify(channel, '')` in the writing transaction, so a
 * listener hears of new rows when they commit instead of polling for them. A notification carries no
 * data and can be lost (a listener reconnecting), so every loop keeps a slow poll as a safety net;
 * after a reconnect every listener is called once, for whatever was missed meanwhile. A cache that
 * drops entries on a channel's notifications `watch`es it instead: told at once, also of a drop, and
 * trusted only while its connection listens.
 */
export interface Notifications {
  /** Calls `wake` on every notification on `channel`; returns a function that stops it. */
  on(channel: string, wake: () => void): () => void;
  /**
   * For a cache of what `channel` announces: calls `changed` on each notification as it arrives
   * (never coalesced), and as soon as notifications may be missed (the listening connection dropped)
   * or may have been (it is back). `live()` is true only while a connection LISTENs on the channel:
   * the cache must not answer from memory otherwise.
   */
  watch(channel: string, changed: () => void): ChannelWatch;
  close(): Promise<void>;
}

/** A watched channel (see `Notifications.watch`). */
export interface ChannelWatch {
  live(): boolean;
  stop(): void;
}

/** The channels the schema's triggers notify (migrations 0016_event_wakeups, 0020_media_visibility_notify). */
export const CHANNELS = {
  /** A transaction inserted outbox rows: the relay has something to publish. */
  outbox: 'souk_outbox',
  /** The relay published outbox rows: embedded bus consumers have something to read. */
  published: 'souk_published',
  /** Webhook deliveries were queued or changed: the delivery worker may have something due. */
  deliveries: 'souk_webhook_deliveries',
  /** A picture URL may have stopped serving: a product's or seller's status, or a product's images, changed. */
  mediaVisibility: 'souk_media_visibility',
} as const;

type Subscribe = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;

/**
 * Default window of `coalesce`: under a stream of commits a loop wakes at most ~20 times a second and
 * reads a few dozen rows per round instead of one commit's few, while a lone commit still wakes it at once.
 */
export const WAKEUP_COALESCE_MS = 50;

/**
 * Calls `fn` at once, then at most once per `ms` while calls keep coming: the calls of a window are
 * one call at its end. A wake-up only says "look now", so what came in the window is read by that one.
 */
export function coalesce(fn: () => void, ms: number): () => void {
  let quietUntil = 0;
  let timer: NodeJS.Timeout | undefined;
  const call = () => {
    timer = undefined;
    quietUntil = performance.now() + ms;
    fn();
  };
  return () => {
    if (timer) return;
    const wait = quietUntil - performance.now();
    if (wait <= 0) call();
    else timer = setTimeout(call, wait).unref();
  };
}

/**
 * The listener registry over a driver's subscribe function (one LISTEN per channel) and its `live`
 * (whether a connection LISTENs on a channel now).
 */
function registry(
  subscribe: Subscribe,
  live: (channel: string) => boolean,
  logger?: Logger,
  coalesceMs = WAKEUP_COALESCE_MS,
) {
  const listeners = new Map<string, Set<() => void>>();
  // Called on every notification as it arrives, before the coalesced wake-ups.
  const watchers = new Map<string, Set<() => void>>();
  const unlisten = new Map<string, Promise<(() => Promise<void>) | undefined>>();
  // Every commit that writes an outbox row notifies; one wake-up per window per channel is enough.
  const wakers = new Map<string, () => void>();
  const fire = (channel: string) => {
    for (const changed of watchers.get(channel) ?? []) changed();
    let wake = wakers.get(channel);
    if (!wake) {
      wake = coalesce(() => {
        for (const listener of listeners.get(channel) ?? []) listener();
      }, coalesceMs);
      wakers.set(channel, wake);
    }
    wake();
  };
  /** Every watcher of every channel: told when notifications may have been missed. */
  const lost = () => {
    for (const set of watchers.values()) for (const changed of set) changed();
  };
  // Subscribes a channel once, for its first listener or watcher.
  const subscribed = (channel: string) => {
    if (unlisten.has(channel)) return;
    unlisten.set(
      channel,
      subscribe(channel, () => fire(channel)).catch((err) => {
        logger?.warn({ err, channel }, 'LISTEN failed; relying on polling');
        return undefined;
      }),
    );
  };
  const add = (map: Map<string, Set<() => void>>, channel: string, fn: () => void) => {
    let set = map.get(channel);
    if (!set) {
      set = new Set();
      map.set(channel, set);
    }
    set.add(fn);
    subscribed(channel);
    return () => set.delete(fn);
  };
  return {
    listeners,
    fire,
    lost,
    on: (channel: string, wake: () => void): (() => void) => add(listeners, channel, wake),
    watch: (channel: string, changed: () => void): ChannelWatch => ({
      stop: add(watchers, channel, changed),
      live: () => live(channel),
    }),
    async closeAll() {
      listeners.clear();
      watchers.clear();
      const all = [...unlisten.values()];
      unlisten.clear();
      await Promise.all(all.map(async (p) => (await p)?.().catch(() => {})));
    },
  };
}

/** Options of a notifications source. */
export interface NotificationOptions {
  /** Wake-ups of a channel closer together than this are one (`coalesce`); 0 wakes on every notification. */
  coalesceMs?: number;
}

/** Notifications of an embedded PGlite database (its own `listen`, same process). */
export function pgliteNotifications(
  pglite: PGlite,
  logger?: Logger,
  { coalesceMs }: NotificationOptions = {},
): Notifications {
  const listening = new Set<string>();
  const r = registry(
    async (channel, onNotify) => {
      const unlisten = await pglite.listen(channel, onNotify);
      listening.add(channel);
      return unlisten;
    },
    (channel) => listening.has(channel),
    logger,
    coalesceMs,
  );
  return { on: r.on, watch: r.watch, close: r.closeAll };
}

/**
 * Notifications of a PostgreSQL server: one dedicated connection (not from the pool, which would give
 * it back) LISTENs on every channel asked for; when it drops it reconnects with a back-off, LISTENs
 * again and wakes every listener once.
 */
export function serverNotifications(
  url: string,
  logger?: Logger,
  { coalesceMs }: NotificationOptions = {},
): Notifications {
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;
  let failures = 0;
  const channels = new Set<string>();
  // The channels the current connection LISTENs on (empty while there is none).
  let listened = new Set<string>();
  // One statement at a time on the listener's connection: pg deprecates queueing queries on a busy
  // client (and pg 9 drops it), and several loops subscribe at once during start-up.
  let listening: Promise<unknown> = Promise.resolve();
  const listen = (c: pg.Client, channel: string) => {
    const next = listening.then(() => c.query(`LISTEN "${channel}"`));
    listening = next.catch(() => {});
    return next;
  };

  const connect = (): Promise<pg.Client> => {
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      c.on('notification', (msg) => r.fire(msg.channel));
      c.on('error', (err) => {
        logger?.warn({ err }, 'notification listener lost its connection; reconnecting');
        drop(c);
      });
      c.on('end', () => drop(c));
      await c.connect();
      for (const ch of channels) await listen(c, ch);
      client = c;
      listened = new Set(channels);
      failures = 0;
      return c;
    })().catch((err) => {
      connecting = undefined;
      scheduleReconnect();
      throw err;
    });
    return connecting;
  };

  function scheduleReconnect(): void {
    if (closed) return;
    const delay = Math.min(5_000, 100 * 2 ** failures++);
    setTimeout(() => {
      if (closed || connecting) return;
      connect()
        .then(() => {
          // Whatever was notified while disconnected is lost: let every loop look once.
          for (const ch of channels) r.fire(ch);
        })
        .catch((err) => logger?.debug({ err }, 'notification listener reconnect failed'));
    }, delay).unref();
  }

  function drop(c: pg.Client): void {
    if (client !== c) return;
    client = undefined;
    listened = new Set();
    connecting = undefined;
    c.end().catch(() => {});
    // Notifications sent from now until the reconnect are lost: caches must stop trusting themselves.
    r.lost();
    scheduleReconnect();
  }

  const r = registry(
    async (channel) => {
      channels.add(channel);
      const c = await connect();
      // A connection made after `channels` got this one already LISTENs on it.
      if (c === client) {
        await listen(c, channel);
        if (c === client) listened.add(channel);
      }
      return async () => {};
    },
    (channel) => client !== undefined && listened.has(channel),
    logger,
    coalesceMs,
  );

  return {
    on: r.on,
    watch: r.watch,
    async close() {
      closed = true;
      await r.closeAll();
      channels.clear();
      const c = client ?? (await connecting?.catch(() => undefined));
      client = undefined;
      listened = new Set();
      await c?.end().catch(() => {});
    },
  };
}
