import { Redis } from 'ioredis';
import type { Logger } from '../lib/logger.js';
import type { MessageHandler, RateDecision, SharedStore } from './store.js';

/**
 * GCRA in one Lua script, so reading and moving the theoretical arrival time is one atomic step on
 * the server: no read-then-write race between instances. Time comes from the Redis server (`TIME`),
 * so API instances with skewed clocks still share one budget. Same arithmetic as `gcra()` in store.ts.
 * Returns {allowed, remaining, resetMs, retryAfterMs, granted}.
 */
const GCRA_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local interval = window / limit
local cost = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
local tat = tonumber(redis.call('GET', KEYS[1]))
if tat == nil or tat < now then tat = now end
local nxt = tat + interval * cost
local allow_at = nxt - window
if now < allow_at then
  return {0, 0, math.ceil(tat - now), math.ceil(allow_at - now), 0}
end
local extra = math.max(0, math.min(lease - cost, math.floor((window - (nxt - now)) / interval)))
nxt = nxt + extra * interval
redis.call('SET', KEYS[1], string.format('%.3f', nxt), 'PX', math.max(1, math.ceil(nxt - now)))
return {1, math.floor((window - (nxt - now)) / interval), math.ceil(nxt - now), 0, cost + extra}
`;

/** `gcraRefund()` of store.ts in Lua: moves the TAT back by `units` intervals, never before now. */
const REFUND_LUA = `
local tat = tonumber(redis.call('GET', KEYS[1]))
if tat == nil then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local back = tat - (tonumber(ARGV[2]) / tonumber(ARGV[1])) * tonumber(ARGV[3])
if back <= now then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], string.format('%.3f', back), 'PX', math.max(1, math.ceil(back - now)))
end
return 0
`;

export interface RedisStoreOptions {
  url: string;
  /** Prepended to every key and channel, so several deployments (or test runs) can share one Redis. */
  prefix: string;
  /** A command that takes longer fails (the caller decides what a failure means). */
  commandTimeoutMs: number;
  logger: Logger;
}

type GcraRedis = Redis & {
  soukGcra(
    key: string,
    limit: number,
    windowMs: number,
    cost: number,
    lease: number,
  ): Promise<[number, number, number, number, number]>;
  soukGcraRefund(key: string, limit: number, windowMs: number, units: number): Promise<number>;
};

/**
 * The Redis adapter (ioredis). Commands fail fast while Redis is unreachable instead of queueing
 * (no offline queue, one try, a command timeout): a request must not hang on the rate limiter.
 * Subscriptions use a second connection, as Redis requires, and are restored by ioredis on reconnect.
 */
export function createRedisStore(options: RedisStoreOptions): SharedStore {
  const { prefix, logger } = options;
  const common = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: 2_000,
    // Reconnect for ever, backing off to 2 s: Redis coming back heals the API without a restart.
    retryStrategy: (times: number) => Math.min(times * 100, 2_000),
  } as const;
  const redis = new Redis(options.url, { ...common, lazyConnect: false }) as GcraRedis;
  redis.defineCommand('soukGcra', { numberOfKeys: 1, lua: GCRA_LUA });
  redis.defineCommand('soukGcraRefund', { numberOfKeys: 1, lua: REFUND_LUA });
  let subscriber: Redis | undefined;
  const handlers = new Map<string, Set<MessageHandler>>();
  let reported = false;
  // Commands fail at once while disconnected, but the very first ones may wait (briefly) for the
  // initial connection, so a fresh instance does not fail open on its first requests.
  let everReady = false;
  redis.once('ready', () => {
    everReady = true;
  });
  const connected = (): Promise<void> | undefined => {
    if (everReady || redis.status === 'ready') return undefined;
    return new Promise((resolve) => {
      const timer = setTimeout(done, options.commandTimeoutMs * 4);
      function done() {
        clearTimeout(timer);
        redis.off('ready', done);
        resolve();
      }
      redis.once('ready', done);
    });
  };
  for (const conn of [redis]) {
    conn.on('error', (err) => {
      // ioredis emits on every failed reconnect: report an outage once, and its end.
      if (!reported) logger.warn({ err: err.message }, 'redis: connection error (retrying)');
      reported = true;
    });
    conn.on('ready', () => {
      if (reported) logger.info('redis: connected again');
      reported = false;
    });
  }

  const ensureSubscriber = async () => {
    if (subscriber) return subscriber;
    subscriber = new Redis(options.url, { ...common, enableOfflineQueue: true, commandTimeout: undefined });
    subscriber.on('error', () => {}); // the command connection reports outages
    subscriber.on('message', (channel: string, message: string) => {
      for (const handler of handlers.get(channel) ?? []) {
        try {
          handler(message);
        } catch (err) {
          logger.error({ err, channel }, 'redis: message handler failed');
        }
      }
    });
    return subscriber;
  };

  return {
    kind: 'redis',
    async rateLimit(key, limit): Promise<RateDecision> {
      await connected();
      const cost = limit.cost ?? 1;
      const [allowed, remaining, resetMs, retryAfterMs, granted] = await redis.soukGcra(
        `${prefix}rl:${key}`,
        limit.limit,
        limit.windowMs,
        cost,
        Math.max(cost, limit.lease ?? cost),
      );
      return { allowed: allowed === 1, remaining, resetMs, retryAfterMs, granted };
    },
    async refund(key, limit, units) {
      await connected();
      await redis.soukGcraRefund(`${prefix}rl:${key}`, limit.limit, limit.windowMs, units);
    },
    async get(key) {
      await connected();
      return (await redis.get(prefix + key)) ?? undefined;
    },
    async set(key, value, ttlMs, opts) {
      await connected();
      const ttl = Math.max(1, Math.ceil(ttlMs));
      const answer = opts?.ifAbsent
        ? await redis.set(prefix + key, value, 'PX', ttl, 'NX')
        : await redis.set(prefix + key, value, 'PX', ttl);
      return answer === 'OK';
    },
    async del(...keys) {
      await connected();
      if (keys.length > 0) await redis.del(...keys.map((k) => prefix + k));
    },
    async publish(channel, message) {
      await connected();
      await redis.publish(prefix + channel, message);
    },
    async subscribe(channel, handler) {
      const name = prefix + channel;
      const set = handlers.get(name) ?? new Set();
      handlers.set(name, set);
      set.add(handler);
      await (await ensureSubscriber()).subscribe(name);
    },
    async ping() {
      await connected();
      await redis.ping();
    },
    async close() {
      handlers.clear();
      await Promise.allSettled([redis.quit(), subscriber?.quit()]);
      redis.disconnect();
      subscriber?.disconnect();
    },
  };
}
