/** Public surface of the rate-limits module (tiers and the operator's per-seller overrides). */
export {
  createRateLimitService,
  type RateLimitService,
  type RateLimitTier,
  type RateLimitTiers,
} from './rate-limits.service.js';
export type { RateLimitTables } from './rate-limits.table.js';
