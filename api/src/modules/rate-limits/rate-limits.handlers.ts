import type { OperationHandlers } from '../../http/operations.js';
import type { RateLimitService } from './rate-limits.service.js';

type QuotaHandlers = Pick<OperationHandlers, 'getAdminSellerQuota' | 'setAdminSellerQuota'>;

/** Operator handlers of per-seller quota overrides. */
export function rateLimitHandlers(deps: {
  rateLimits: RateLimitService;
  /** Throws 404 when the seller does not exist. */
  requireSeller: (sellerId: string) => Promise<unknown>;
}) {
  return {
    getAdminSellerQuota: async ({ params }) => {
      await deps.requireSeller(params.sellerId);
      return { status: 200, body: await deps.rateLimits.get(params.sellerId) };
    },
    setAdminSellerQuota: async ({ params, body }) => {
      await deps.requireSeller(params.sellerId);
      return { status: 200, body: await deps.rateLimits.set(params.sellerId, body.requests_per_minute) };
    },
  } satisfies QuotaHandlers;
}
