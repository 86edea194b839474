/**
 * The shared-state port: what API instances must agree on — rate-limit budgets, cached values and
 * invalidation messages. Redis backs it when `REDIS_URL` is set (every instance sees the same state);
 * the in-process adapter backs the embedded default (one instance, nothing to share).
 */

/** A rate limit: at most `limit` requests per `windowMs`, refilled continuously (GCRA). */
export interface RateLimit {
  limit: number;
  windowMs: number;
  /** Units this request spends (default 1): a GraphQL operation pays by its cost. */
  cost?: number;
  /**
   * Units to take at most, `cost` included (default `cost`): a lease, spent by the caller later (see
   * rate-lease.ts). Only `cost` must be available for the request to be allowed; the rest is taken as far
   * as the budget has it.
   */
  lease?: number;
}

/** The outcome of one rate-limited request. */
export interface RateDecision {
  allowed: boolean;
  /** Requests that could still be made at once after this one (0 when refused). */
  remaining: number;
  /** Milliseconds until the whole budget is available again. */
  resetMs: number;
  /** Milliseconds until this request would be allowed (0 when allowed). */
  retryAfterMs: number;
  /** Units taken: `cost` up to `lease` when allowed, 0 when refused. */
  granted: number;
}

/** A message handler of `subscribe`. */
export type MessageHandler = (message: string) => void;

export interface SharedStore {
  /** `memory` (this process only) or `redis` (shared by every instance). */
  readonly kind: 'memory' | 'redis';
  /**
   * Spends one request (or `limit.cost` units) of `key`'s budget, atomically: concurrent callers on any instance never
   * spend the same unit twice.
   */
  rateLimit(key: string, limit: RateLimit): Promise<RateDecision>;
  /**
   * Gives `units` taken by `rateLimit` (and not spent) back to `key`'s budget, atomically; the budget
   * never ends up fuller than it would be had the units never been taken by anyone since.
   */
  refund(key: string, limit: RateLimit, units: number): Promise<void>;
  /** The value stored under `key`, if present and not expired. */
  get(key: string): Promise<string | undefined>;
  /**
   * Stores `value` under `key` for `ttlMs`. With `ifAbsent`, only when nothing is stored there yet;
   * resolves true when the value was written.
   */
  set(key: string, value: string, ttlMs: number, options?: { ifAbsent?: boolean }): Promise<boolean>;
  /** Removes keys. */
  del(...keys: string[]): Promise<void>;
  /** Sends `message` to every subscriber of `channel` (on every instance, this one included). */
  publish(channel: string, message: string): Promise<void>;
  /** Calls `handler` with each message published on `channel` from now on; resolves once listening. */
  subscribe(channel: string, handler: MessageHandler): Promise<void>;
  /** Throws when the store cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * GCRA (generic cell rate algorithm) in one place for the in-process adapter; the Redis adapter runs
 * the same arithmetic in Lua. State is one number per key, the theoretical arrival time (TAT): a
 * request is allowed when `now >= TAT - windowMs`, and moves the TAT one emission interval forward.
 * It allows a burst of `limit` and then `limit` per window, with no window-boundary doubling.
 */
export function gcra(
  tat: number | undefined,
  now: number,
  { limit, windowMs, cost = 1, lease = cost }: RateLimit,
): { decision: RateDecision; tat: number | undefined } {
  const interval = windowMs / limit;
  const base = Math.max(tat ?? now, now);
  let next = base + interval * cost;
  const allowAt = next - windowMs;
  if (now < allowAt) {
    return {
      decision: {
        allowed: false,
        remaining: 0,
        resetMs: Math.ceil(base - now),
        retryAfterMs: Math.ceil(allowAt - now),
        granted: 0,
      },
      tat: undefined,
    };
  }
  // A lease: as many more units as the budget holds, up to `lease` in all.
  const extra = Math.max(0, Math.min(lease - cost, Math.floor((windowMs - (next - now)) / interval)));
  next += extra * interval;
  return {
    decision: {
      allowed: true,
      remaining: Math.floor((windowMs - (next - now)) / interval),
      resetMs: Math.ceil(next - now),
      retryAfterMs: 0,
      granted: cost + extra,
    },
    tat: next,
  };
}

/** The TAT after giving `units` back (never before `now`; undefined: the budget is full again). */
export function gcraRefund(
  tat: number | undefined,
  now: number,
  { limit, windowMs }: RateLimit,
  units: number,
): number | undefined {
  if (tat === undefined) return undefined;
  const back = tat - (windowMs / limit) * units;
  return back > now ? back : undefined;
}
