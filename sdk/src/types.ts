/**
 * Types derived from the generated OpenAPI types (`./generated/openapi.ts`, written by `npm run generate`).
 * Nothing here is hand-copied: every shape is looked up in the spec's `components`/`operations`.
 */
import type { components, operations, paths, webhooks } from './generated/openapi.js';

export type { components, operations, paths, webhooks };

/** Every schema of the spec, by name: `Schemas['Product']`. */
export type Schemas = components['schemas'];
/** The closed union of machine-readable error codes (`ProblemCode` in the spec). */
export type ProblemCode = Schemas['ProblemCode'];
/** An RFC 9457 problem body as the API sends it. */
export type Problem = Schemas['Problem'];
/** One offending input field of a `validation_failed` problem. */
export type FieldError = Schemas['FieldError'];

/** The `operationId`s of the spec. */
export type OperationId = keyof operations;

type ParametersOf<O extends OperationId> = operations[O]['parameters'];
/** Query parameters of an operation: `QueryParams<'listStoreProducts'>`. */
export type QueryParams<O extends OperationId> = NonNullable<ParametersOf<O>['query']>;
/** Path parameters of an operation. */
export type PathParams<O extends OperationId> = NonNullable<ParametersOf<O>['path']>;
/** JSON request body of an operation (`never` when it takes none). */
export type RequestBody<O extends OperationId> = operations[O] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

type SuccessStatus = 200 | 201 | 202;
type Responses<O extends OperationId> = operations[O]['responses'];
/** JSON body of an operation's success response (200, 201 or 202). */
export type ResponseBody<O extends OperationId> = {
  [S in keyof Responses<O> & SuccessStatus]: Responses<O>[S] extends {
    content: { 'application/json': infer B };
  }
    ? B
    : undefined;
}[keyof Responses<O> & SuccessStatus];

/** One item of a paginated list operation's `data` array. */
export type ListItem<O extends OperationId> = ResponseBody<O> extends { data: Array<infer T> } ? T : never;

// Named models, for annotations in application code.
export type Product = Schemas['Product'];
export type ProductList = Schemas['ProductList'];
export type Variant = Schemas['Variant'];
export type Category = Schemas['Category'];
export type Seller = Schemas['Seller'];
/** A seller's public page: the seller, their own profile (story, policies, links) and their rating. */
export type SellerPage = Schemas['SellerPage'];
export type Money = Schemas['Money'];
export type Cart = Schemas['Cart'];
export type CartItem = Schemas['CartItem'];
export type ShippingAddress = Schemas['ShippingAddress'];
export type Order = Schemas['Order'];
export type SellerOrder = Schemas['SellerOrder'];
export type SellerProduct = Schemas['SellerProduct'];
export type SellerVariant = Schemas['SellerVariant'];
export type AdminSeller = Schemas['AdminSeller'];
export type ApiKey = Schemas['ApiKey'];
export type WebhookEndpoint = Schemas['WebhookEndpoint'];
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
/** The type names of domain events (`order.placed`, …). */
export type EventType = Schemas['EventType'];
