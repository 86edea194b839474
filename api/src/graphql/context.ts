import type { Context as KoaContext } from 'koa';
import type { components } from '../generated/openapi.js';
import type { Principal } from '../http/principal.js';
import type { Loaders } from './loaders.js';
import type { PendingWork } from './settle.js';

type Schemas = components['schemas'];

/** What every resolver receives: who calls, the request's loaders, and the Koa context it came in on. */
export interface GraphQLContext {
  principal: Principal;
  requestId: string;
  loaders: Loaders;
  /** The promises its resolvers returned: the result waits until all have settled (settle.ts). */
  pending: PendingWork;
  koa: KoaContext;
}

// The values resolvers pass around are the REST bodies the services return (snake_case); GraphQL reads
// them through its default field resolver (see schema.ts). Named here for the generated resolver types.
export type ProductModel = Schemas['Product'];
export type VariantModel = Schemas['Variant'];
export type MoneyModel = Schemas['Money'];
export type PriceRangeModel = NonNullable<ProductModel['price_range']>;
export type ImageModel = Schemas['Image'];
export type ProductRatingModel = Schemas['ProductRating'];
export type ProductOptionModel = Schemas['ProductOption'];
export type CategoryModel = Schemas['Category'];
export type SellerModel = Schemas['Seller'];
export type SellerProfileModel = Schemas['SellerProfile'];
export type SellerPoliciesModel = SellerProfileModel['policies'];
export type SellerLinkModel = SellerProfileModel['links'][number];
export type CartModel = Schemas['Cart'];
/** A cart line, with the currency of its cart once read through `Cart.items`. */
export type CartItemModel = Schemas['CartItem'] & { cart_currency?: string };
export type CartSellerGroupModel = Schemas['CartSellerGroup'];
export type CartTotalsModel = Schemas['CartTotals'];
export type CartProblemModel = Schemas['CartProblem'];
export type ShippingAddressModel = Schemas['ShippingAddress'];
export type OrderModel = Schemas['Order'];
export type OrderTotalsModel = Schemas['Totals'];
export type SellerOrderModel = Schemas['SellerOrder'];
export type OrderLineModel = Schemas['OrderLine'];
export type OrderLineReviewModel = NonNullable<OrderLineModel['review']>;
export type FulfillmentModel = Schemas['Fulfillment'];
export type CustomerModel = Schemas['Customer'];
export type CustomerAddressModel = Schemas['CustomerAddress'];
export type ReviewModel = Schemas['Review'];
export type ReviewReplyModel = NonNullable<ReviewModel['reply']>;
export type ContentDocumentModel = Schemas['StoreContent'];
interface PageInfoModel {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
/** A forward-only page of a REST list (`data` and `next_cursor`) as a connection without edges. */
export interface OrderConnectionModel {
  nodes: OrderModel[];
  pageInfo: PageInfoModel;
}
export interface ReviewConnectionModel {
  nodes: ReviewModel[];
  pageInfo: PageInfoModel;
}
export interface ProductConnectionModel {
  edges: { cursor: string; node: ProductModel }[];
  nodes: ProductModel[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}
export type ProductEdgeModel = ProductConnectionModel['edges'][number];
