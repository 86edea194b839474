import { AppError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { describeFieldErrors } from '../../http/validation-errors.js';

/** Who owns an endpoint: `operator` or a seller id. */
export type Owner = string;

/** The longest time range one replay may cover. */
export const MAX_REPLAY_DAYS = 31;

/**
 * Event types recorded without a seller (`seller_id` null in the spec): only operator endpoints can
 * receive them, so a seller's endpoint may not subscribe to them. `*` on a seller's endpoint means
 * every type delivered to that seller.
 */
export const MARKETPLACE_ONLY_EVENT_TYPES: ReadonlySet<string> = new Set([
  'order.placed',
  'order.cancelled',
  'customer.created',
  'customer.updated',
  'content.published',
]);

/** Refuses, for a seller's endpoint, event types that would never be delivered to it. */
export function checkTypesFor(owner: Owner, types: readonly string[]): void {
  if (owner === 'operator') return;
  const errors = types.flatMap((type, i) =>
    MARKETPLACE_ONLY_EVENT_TYPES.has(type)
      ? [
          {
            in: 'body' as const,
            field: `/event_types/${i}`,
            message: `${type} is marketplace-wide (it has no seller) and is delivered only to operator endpoints`,
          },
        ]
      : [],
  );
  if (errors.length > 0) throw new AppError('validation_failed', describeFieldErrors(errors), { errors });
}

const fieldError = (field: string, message: string) =>
  new AppError('validation_failed', `${field.slice(1)} ${message}.`, {
    errors: [{ in: 'body', field, message }],
  });

/** The [from, to) range of a replay: both date-times, `to` after `from`, at most MAX_REPLAY_DAYS apart. */
export function replayRange(input: components['schemas']['WebhookReplay']): { from: Date; to: Date } {
  const from = new Date(input.from);
  const to = new Date(input.to);
  if (Number.isNaN(from.getTime())) throw fieldError('/from', 'must be a date-time');
  if (Number.isNaN(to.getTime())) throw fieldError('/to', 'must be a date-time');
  if (to <= from) throw fieldError('/to', 'must be after from');
  if (to.getTime() - from.getTime() > MAX_REPLAY_DAYS * 86_400_000) {
    throw fieldError('/to', `must be at most ${MAX_REPLAY_DAYS} days after from`);
  }
  return { from, to };
}
