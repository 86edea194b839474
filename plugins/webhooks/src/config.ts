import { hostList } from '@souk/api/plugin-host';
import { z } from 'zod';

/**
 * The webhooks plugin's own variables, read from the environment of the process hosting it (the API
 * with `PLUGINS_IN_PROCESS`, or `npm run plugins`). Documented in plugins/webhooks/README.md.
 */
export const webhooksConfig = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Development allow-list of hosts that may resolve to private addresses, comma-separated. */
  WEBHOOK_ALLOWED_HOSTS: hostList,
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Shrinks the retry schedule (tests); 1 is the documented schedule. */
  WEBHOOK_RETRY_SCALE: z.coerce.number().min(0.000_001).max(1).default(1),
  WEBHOOK_DISABLE_AFTER_HOURS: z.coerce
    .number()
    .min(0.001)
    .max(24 * 30)
    .default(72),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(5).max(60_000).default(250),
  /** With the host's wake-ups (LISTEN/NOTIFY on queued deliveries) the worker polls only this often. */
  WEBHOOK_SAFETY_POLL_MS: z.coerce.number().int().min(5).max(600_000).default(5_000),
  /** Deliveries one endpoint is sent in a row per round (in order, one at a time). */
  WEBHOOK_RUN_LENGTH: z.coerce.number().int().min(1).max(1_000).default(50),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
});

/** The webhooks plugin's configuration. */
export type WebhooksConfig = z.infer<typeof webhooksConfig>;
