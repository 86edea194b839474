/**
 * `@souk/sdk` — the typed client of the Souk marketplace API.
 * @packageDocumentation
 */

export { type AdminApi, createAdminApi } from './admin.js';
export { createSoukClient, type SoukClient } from './client.js';
export {
  createSoukCore,
  type RequestOptions,
  type SoukClientOptions,
  type SoukCore,
  type SoukPromise,
  type WithResponse,
} from './core.js';
export { codeForStatus, isSoukError, SoukConnectionError, SoukError } from './errors.js';
export {
  createGraphQLClient,
  type GraphQLClient,
  type GraphQLClientOptions,
  type GraphQLRequestOptions,
  storefrontOperations,
  type TypedDocument,
} from './graphql.js';
export { type Page, paginate } from './pagination.js';
export { IMAGE_WIDTHS, type ImageFile, imageSrcSet } from './product-images.js';
export {
  type ChannelIn,
  type ChannelOfRoom,
  createRealtimeClient,
  type RealtimeChannel,
  type RealtimeClient,
  type RealtimeClientOptions,
  type RealtimeEventOf,
  type RealtimeMessages,
  type RealtimeNamespace,
  type RealtimeProblem,
  type RealtimeSubscription,
  type RoomOf,
} from './realtime.js';
export { createSellerApi, type SellerApi } from './seller.js';
export { createStoreApi, type StoreApi } from './store.js';
export type { FetchLike } from './transport.js';
export type * from './types.js';
export type { WebhookEndpointsApi } from './webhook-endpoints.js';
export {
  constructWebhookEvent,
  parseSignatureHeader,
  type SignatureFailure,
  SoukSignatureVerificationError,
  type SoukWebhookEvent,
  signWebhookPayload,
  type VerifyWebhookOptions,
  verifyWebhook,
  WEBHOOK_HEADERS,
} from './webhooks.js';
