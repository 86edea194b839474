/** Public surface of the shared-state port (Redis or in-process). */
export { createSharedStore } from './store.factory.js';
export type { MessageHandler, RateDecision, RateLimit, SharedStore } from './store.js';
export { createMemoryStore } from './store.memory.js';
export { createRedisStore } from './store.redis.js';
