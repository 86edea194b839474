import type { RateDecision, RateLimit, SharedStore } from './store.js';

/** How far a process may run ahead of the shared budget. */
export interface RateLeaseOptions {
  /** How long taken units may be spent locally; what is left then goes back to the budget. */
  leaseMs: number;
  /** The largest lease, in units. */
  maxUnits: number;
  /** The largest lease as a share of the quota (so a small quota stays exact). */
  maxShare: number;
}

/** Spends rate-limit units through leases of the shared budget; `close` gives the unspent ones back. */
export interface RateBudget {
  /**
   * Spends `limit.cost` units of `key`'s budget: from this process's lease (answered as it is, not as
   * a promise: no microtask on the common path), or the store's answer.
   */
  spend(key: string, limit: RateLimit): RateDecision | Promise<RateDecision>;
  /** Stops the sweep and gives every unspent unit back (before the store closes). */
  close(): Promise<void>;
}

interface Lease {
  limit: number;
  windowMs: number;
  /** Units taken from the store and not spent yet. */
  units: number;
  /** After this (local clock) the units left go back. */
  expires: number;
  /** The store's answer to the last take: remaining (leased units counted as spent), reset, when. */
  remaining: number;
  resetMs: number;
  takenAt: number;
  /** Units the next take asks for: 1 for a subject seen rarely, doubling while leases run out early. */
  size: number;
  pending?: Promise<RateDecision> | undefined;
  /** The cost of the request whose take is pending. */
  pendingCost: number;
}

export const defaultRateLease: RateLeaseOptions = { leaseMs: 250, maxUnits: 64, maxShare: 1 / 20 };

/**
 * Unit leasing over the store's GCRA budget. Each request used to be one atomic step in the store (an
 * `EVALSHA` round trip to Redis, ~15 % of a cached read's API CPU plus Redis's own). Here a process takes
 * a batch of units in that one step and spends them locally. The batch adapts per subject: a subject
 * not seen within a lease's lifetime takes 1 unit (today's exact behaviour, exact `remaining`); one
 * whose lease runs out before it expires asks for twice as many next time, up to `maxUnits` and
 * `maxShare` of the quota; one whose lease expires unspent asks for half. Units left when a lease
 * expires (swept every `leaseMs`) or at `close` are refunded (the TAT moves back, never before now),
 * so a quiet process does not keep budget from the others for longer than two `leaseMs`.
 *
 * Never more than the quota is admitted across processes: every unit spent was taken atomically from
 * the shared budget first. What changes is the `remaining` of a hot subject: the store's count at the
 * last take (other processes' unspent leases counted as spent) plus this process's unspent units.
 *
 * Hand-written: the maintained GCRA libraries (rate-limiter-flexible, redis-cell, node-rate-limiter)
 * take one unit per call or keep a local counter in front of a fixed window ("insurance" / in-memory
 * block), none takes and refunds batches of a shared GCRA budget.
 */
export function createRateBudget(
  store: SharedStore,
  options: RateLeaseOptions = defaultRateLease,
): RateBudget {
  const { leaseMs, maxUnits, maxShare } = options;
  const leases = new Map<string, Lease>();
  const refunds = new Set<Promise<void>>();

  const giveBack = (key: string, lease: Lease) => {
    if (lease.units <= 0) return;
    const units = lease.units;
    lease.units = 0;
    // The units are lost to the budget until their time passes if this fails: fewer admitted, never more.
    const refund = store.refund(key, { limit: lease.limit, windowMs: lease.windowMs }, units).catch(() => {});
    refunds.add(refund);
    void refund.finally(() => refunds.delete(refund));
  };

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, lease] of leases) {
      if (lease.expires > now || lease.pending) continue;
      leases.delete(key);
      giveBack(key, lease);
    }
  }, leaseMs);
  sweep.unref();

  const local = (lease: Lease, now: number): RateDecision => {
    const interval = lease.windowMs / lease.limit;
    return {
      allowed: true,
      remaining: lease.remaining + lease.units,
      resetMs: Math.max(0, Math.ceil(lease.takenAt + lease.resetMs - lease.units * interval - now)),
      retryAfterMs: 0,
      granted: 0,
    };
  };

  const take = async (key: string, limit: RateLimit, cost: number): Promise<RateDecision> => {
    const now = Date.now();
    const cap = Math.max(1, Math.min(maxUnits, Math.floor(limit.limit * maxShare)));
    let lease = leases.get(key);
    if (lease && (lease.limit !== limit.limit || lease.windowMs !== limit.windowMs)) {
      giveBack(key, lease);
      lease = undefined;
    }
    if (!lease) {
      lease = {
        limit: limit.limit,
        windowMs: limit.windowMs,
        units: 0,
        expires: 0,
        remaining: 0,
        resetMs: 0,
        takenAt: now,
        size: 1,
        pendingCost: 0,
      };
      leases.set(key, lease);
    } else if (now < lease.expires) {
      // Ran out within its lifetime: a hot subject.
      lease.size = Math.min(cap, lease.size * 2);
    } else {
      if (lease.units > 0) lease.size = Math.max(1, Math.floor(lease.size / 2));
      giveBack(key, lease);
    }
    const taking = store.rateLimit(key, { ...limit, cost, lease: Math.max(cost, Math.min(cap, lease.size)) });
    lease.pending = taking;
    lease.pendingCost = cost;
    let decision: RateDecision;
    try {
      decision = await taking;
    } finally {
      if (lease.pending === taking) lease.pending = undefined;
    }
    if (!decision.allowed) {
      lease.size = 1;
      return decision;
    }
    const at = Date.now();
    lease.units += decision.granted - cost;
    lease.remaining = decision.remaining;
    lease.resetMs = decision.resetMs;
    lease.takenAt = at;
    lease.expires = at + leaseMs;
    leases.set(key, lease);
    return { ...decision, remaining: decision.remaining + lease.units };
  };

  /** The lease's units, when it can pay for `cost` now. */
  const fromLease = (key: string, limit: RateLimit, cost: number): RateDecision | undefined => {
    const lease = leases.get(key);
    const now = Date.now();
    if (
      lease &&
      lease.limit === limit.limit &&
      lease.windowMs === limit.windowMs &&
      now < lease.expires &&
      lease.units >= cost
    ) {
      lease.units -= cost;
      return local(lease, now);
    }
    return undefined;
  };

  /** What the lease could not pay: the store's take, or a share of the one already under way. */
  const spendLater = async (key: string, limit: RateLimit, cost: number): Promise<RateDecision> => {
    for (;;) {
      const lease = leases.get(key);
      if (!lease?.pending) return take(key, limit, cost);
      // One take per subject at a time: the others wait for it and share its units, its refusal
      // (the budget is empty) or its failure (the store is down: fail open together).
      const pendingCost = lease.pendingCost;
      const decision = await lease.pending;
      if (!decision.allowed && cost >= pendingCost) return decision;
      const paid = fromLease(key, limit, cost);
      if (paid) return paid;
    }
  };

  return {
    spend(key, limit) {
      const cost = limit.cost ?? 1;
      return fromLease(key, limit, cost) ?? spendLater(key, limit, cost);
    },
    async close() {
      clearInterval(sweep);
      for (const [key, lease] of leases) giveBack(key, lease);
      leases.clear();
      await Promise.allSettled([...refunds]);
    },
  };
}
