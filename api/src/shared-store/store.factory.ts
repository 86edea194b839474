import type { Logger } from '../lib/logger.js';
import type { SharedStore } from './store.js';
import { createMemoryStore } from './store.memory.js';
import { createRedisStore } from './store.redis.js';

/** The store the configuration names: Redis when `REDIS_URL` is set, else the in-process adapter. */
export function createSharedStore(
  config: { REDIS_URL?: string | undefined; REDIS_KEY_PREFIX: string; REDIS_COMMAND_TIMEOUT_MS: number },
  logger: Logger,
): SharedStore {
  if (!config.REDIS_URL) return createMemoryStore();
  return createRedisStore({
    url: config.REDIS_URL,
    prefix: config.REDIS_KEY_PREFIX,
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
    logger: logger.child({ component: 'redis' }),
  });
}
