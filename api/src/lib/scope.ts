import { AsyncLocalStorage } from 'node:async_hooks';
import type { components } from '../generated/openapi.js';

/**
 * What is known about the work in flight: the request (its id, its operation once routed) and who
 * acts in it. Work outside a request (background jobs, plugins) has no scope, or one with only an
 * actor.
 */
export interface RequestScope {
  /** The request's id (absent outside a request). */
  requestId?: string;
  /** The operationId, once the router matched one. */
  operation?: string;
  /** Who acts (see `lib/actor.ts`); absent: the system. */
  actor?: components['schemas']['Actor'];
}

/**
 * Carries the current scope through every await. One store for the log fields and the actor: on
 * Node 20 each AsyncLocalStorage in use adds its own work to every promise the process creates.
 */
export const requestScope = new AsyncLocalStorage<RequestScope>();
