import type { ColumnType, JSONColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface WebhookEndpointsTable {
  id: string;
  /** `operator` (every event) or a seller id (that seller's events). */
  owner: string;
  url: string;
  event_types: string[];
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  description: string | null;
  disabled_reason: 'manual' | 'failing' | null;
  failing_since: Date | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface WebhookSecretsTable {
  id: string;
  endpoint_id: string;
  secret: string;
  created_at: CreatedAt;
  /** Null while it is the newest secret; set when a rotation retires it (it still signs until then). */
  expires_at: Date | null;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  event_position: number;
  /** The event envelope exactly as it is POSTed. */
  payload: JSONColumnType<Record<string, unknown>>;
  status: WebhookDeliveryStatus;
  attempt_count: ColumnType<number, number | undefined, number>;
  next_attempt_at: Date | null;
  locked_until: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface WebhookAttemptsTable {
  delivery_id: string;
  number: number;
  started_at: Date;
  status_code: number | null;
  latency_ms: number;
  response_excerpt: string | null;
  error: string | null;
}

export interface WebhooksTables {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_secrets: WebhookSecretsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}
