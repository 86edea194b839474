import type { components } from '../../generated/openapi.js';
import type * as deliveriesRepo from './deliveries.repository.js';
import type * as repo from './webhooks.repository.js';

type WebhookEndpoint = components['schemas']['WebhookEndpoint'];
type WebhookDelivery = components['schemas']['WebhookDelivery'];

/** An endpoint row as the spec's `WebhookEndpoint` (the secret only as its hint). */
export function toEndpoint(row: repo.EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    owner: row.owner,
    url: row.url,
    event_types: row.event_types as WebhookEndpoint['event_types'],
    enabled: row.enabled,
    description: row.description,
    disabled_reason: row.disabled_reason,
    failing_since: row.failing_since?.toISOString() ?? null,
    secret_hint: `…${row.secret_hint ?? ''}`,
    secrets_active: row.secrets_active ?? 0,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** A delivery row with its attempts as the spec's `WebhookDelivery`. */
export function toDelivery(
  row: deliveriesRepo.DeliveryRow,
  attempts: deliveriesRepo.AttemptRow[],
): WebhookDelivery {
  return {
    id: row.id,
    endpoint_id: row.endpoint_id,
    event_id: row.event_id,
    event_type: row.event_type as WebhookDelivery['event_type'],
    status: row.status,
    attempt_count: row.attempt_count,
    next_attempt_at: row.next_attempt_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
    attempts: attempts.map((a) => ({
      number: a.number,
      started_at: a.started_at.toISOString(),
      status_code: a.status_code,
      latency_ms: a.latency_ms,
      response_excerpt: a.response_excerpt,
      error: a.error,
    })),
  };
}
