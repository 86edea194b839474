import type { ColumnType } from 'kysely';
import type { components } from '../generated/openapi.js';
import type { Principal } from '../http/principal.js';
import { requestScope } from './scope.js';

/** Who did something, as recorded on events (`actor` of the envelope) and on records where it matters. */
export type Actor = components['schemas']['Actor'];

/** Souk itself: background work, plugins, anything that runs outside a request. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ type: 'system' });

/** The actor a request's principal stands for. */
export function actorOf(principal: Principal): Actor {
  switch (principal.kind) {
    case 'anonymous':
      return SYSTEM_ACTOR;
    case 'publishable':
      return principal.customerId
        ? { type: 'customer', id: principal.customerId, key_id: principal.keyId }
        : { type: 'api_key', id: principal.keyId };
    case 'seller':
    case 'operator':
      return principal.staff
        ? { type: `${principal.kind}_staff`, id: principal.staff.id, role: principal.staff.role }
        : { type: 'api_key', id: principal.keyId };
  }
}

/**
 * The actor of the request in flight. The router sets it once it knows the principal, so the one
 * place that writes events (the outbox) and the repositories that stamp records read it here instead
 * of every service passing it down: attribution cannot be forgotten by a new write path.
 */
/** Runs `work` with `actor` as the current actor (in the request's scope: its log fields carry on). */
export const withActor = <T>(actor: Actor, work: () => Promise<T>): Promise<T> =>
  requestScope.run({ ...requestScope.getStore(), actor }, work);

/** The current actor: the request's, or `system` outside a request. */
export const currentActor = (): Actor => requestScope.getStore()?.actor ?? SYSTEM_ACTOR;

/** The current actor as JSON, for the attribution columns of records (`created_by`, `cancelled_by`, …). */
export const currentActorJson = (): string => JSON.stringify(currentActor());

/** A record's attribution column: who wrote it (null on rows written before attribution was recorded). */
export type ActorColumn = ColumnType<Actor | null, string | undefined, string>;
