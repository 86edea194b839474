import type { Context } from 'koa';
import { AppError } from '../errors.js';
import type { Logger } from '../lib/logger.js';
import type { RateLimitService, RateLimitTier } from '../modules/rate-limits/index.js';
import { rateLimitRejections, rateLimitStoreErrors } from '../observability/metrics.js';
import type { RateBudget } from '../shared-store/rate-lease.js';
import type { RateDecision } from '../shared-store/store.js';
import type { Principal } from './principal.js';
import { isRateLimited } from './rate-limited.js';

/** Whose budget a request spends, and under which tier. */
export interface RateLimitSubject {
  tier: RateLimitTier;
  /** The budget's key in the store. */
  key: string;
  /** Set for seller keys: the seller whose (possibly overridden) quota applies. */
  sellerId?: string;
}

/**
 * The budget a request spends. A seller's keys share the seller's budget (so adding keys does not
 * multiply a quota); an operator key has its own; a publishable key is public (it ships in every
 * browser of a storefront), so its budget is per key and client address; a request without a valid
 * key is limited by client address.
 */
export function rateLimitSubject(principal: Principal, ip: string): RateLimitSubject {
  if ('customerId' in principal && typeof principal.customerId === 'string')
    return { tier: 'customer', key: `customer:${principal.customerId}` };
  switch (principal.kind) {
    case 'seller':
      return { tier: 'seller', key: `seller:${principal.sellerId}`, sellerId: principal.sellerId };
    case 'operator':
      return { tier: 'operator', key: `key:${principal.keyId}` };
    case 'publishable':
      return { tier: 'publishable', key: `key:${principal.keyId}:ip:${ip}` };
    default:
      return { tier: 'anonymous', key: `ip:${ip}` };
  }
}

/**
 * The hook the contract router calls once it knows the operation and the principal. `cost`: units the
 * request spends (default 1; a GraphQL operation pays by its measured cost, see graphql/limits.ts).
 * Returns nothing when the request was charged without waiting (a local lease, see rate-lease.ts),
 * a promise when it had to ask the store: a cached read then costs no extra microtask.
 */
export type RateLimitHook = (
  ctx: Context,
  operation: { tags?: string[] },
  principal: Principal,
  cost?: number,
) => void | Promise<void>;

/**
 * Rate limiting of every operation except the `System` ones (probes and the contract itself) and
 * the `Media` ones (product images). Each request spends one unit (a GraphQL operation: its cost in
 * units) of its subject's budget in the shared store (GCRA, atomic: see shared-store/store.redis.ts),
 * through this process's lease of units for a subject it sees often (shared-store/rate-lease.ts), and
 * the answer carries the IETF `RateLimit-Policy` and `RateLimit` headers. Over the limit:
 * `429 rate_limited` with `Retry-After`.
 *
 * When the store cannot be reached the request is let through (fail open): a Redis outage must not
 * take the marketplace down with it, and the database still protects itself with its pool. Each such
 * request counts in `souk_rate_limit_store_errors_total` and the outage is logged once per 10 s; the
 * answer then carries `RateLimit-Policy` but no `RateLimit` (nothing is known about the budget).
 */
export function rateLimiter(options: {
  budget: RateBudget;
  rateLimits: RateLimitService;
  windowMs: number;
  logger: Logger;
}): RateLimitHook {
  const { budget, rateLimits, windowMs, logger } = options;
  const windowSeconds = Math.max(1, Math.round(windowMs / 1000));
  let lastWarning = 0;
  // Quotas are per minute; the window is configurable, so scale to it.
  const perWindow = (perMinute: number) => Math.max(1, Math.round((perMinute * windowMs) / 60_000));

  const storeDown = (err: unknown) => {
    rateLimitStoreErrors.inc();
    if (Date.now() - lastWarning > 10_000) {
      lastWarning = Date.now();
      logger.warn({ err }, 'rate limiter: store unreachable, letting requests through');
    }
  };

  const answer = (ctx: Context, subject: RateLimitSubject, decision: RateDecision) => {
    ctx.set('RateLimit', `"${subject.tier}";r=${decision.remaining};t=${Math.ceil(decision.resetMs / 1000)}`);
    if (!decision.allowed) {
      rateLimitRejections.inc({ scope: subject.tier });
      const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      throw new AppError(
        'rate_limited',
        `Too many requests for this ${describe(subject.tier)}; retry in ${retryAfter} s.`,
        {
          headers: { 'Retry-After': String(retryAfter) },
        },
      );
    }
  };

  const charge = (ctx: Context, subject: RateLimitSubject, perMinute: number, cost: number) => {
    const quota = perWindow(perMinute);
    ctx.set('RateLimit-Policy', `"${subject.tier}";q=${quota};w=${windowSeconds}`);
    // Never more than the whole budget: an operation within the cost limit must be able to run at all.
    const decision = budget.spend(subject.key, { limit: quota, windowMs, cost: Math.min(cost, quota) });
    if (!(decision instanceof Promise)) return answer(ctx, subject, decision);
    // A store that cannot answer lets the request through (its failure only); over the limit still throws.
    return decision.then((d) => answer(ctx, subject, d), storeDown);
  };

  return function rateLimit(ctx, operation, principal, cost = 1) {
    if (!isRateLimited(operation)) return;
    const subject = rateLimitSubject(principal, ctx.ip);
    if (subject.sellerId)
      return rateLimits.sellerQuota(subject.sellerId).then((q) => charge(ctx, subject, q, cost));
    return charge(ctx, subject, rateLimits.tiers[subject.tier], cost);
  };
}

function describe(tier: RateLimitTier): string {
  if (tier === 'anonymous') return 'client address';
  if (tier === 'seller') return 'seller';
  if (tier === 'customer') return 'customer';
  return 'key';
}
