/**
 * Public surface of the webhooks module: endpoint management over the API, the URL guard, and what
 * the webhooks plugin's fan-out and delivery worker use.
 */

export {
  type AttemptRecord,
  type ClaimedDelivery,
  claimDue,
  disableFailingEndpoint,
  type HeldEndpoint,
  insertAttempt,
  markEndpointFailing,
  markEndpointHealthy,
  releaseDeliveries,
  settleAndClaim,
  settleDelivery,
  settleSucceeded,
} from './attempts.repository.js';
export { queueDeliveriesForEvent, queueDeliveriesForEvents } from './fanout.js';
export {
  checkWebhookUrl,
  ForbiddenAddressError,
  guardedLookup,
  isForbiddenAddress,
  type Resolve,
  type UrlGuardOptions,
} from './url-guard.js';
export { activeSecrets, activeSecretsSql } from './webhooks.repository.js';
export {
  createWebhooksService,
  generateSecret,
  MAX_ENDPOINTS_PER_OWNER,
  type WebhooksService,
} from './webhooks.service.js';
export type { WebhookDeliveryStatus, WebhooksTables } from './webhooks.table.js';
export { MARKETPLACE_ONLY_EVENT_TYPES, MAX_REPLAY_DAYS } from './webhooks.validation.js';
