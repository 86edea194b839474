import type { MutationResolvers } from '../generated/graphql.js';
import type { components } from '../generated/openapi.js';
import type { Idempotency, WriteRequest } from '../http/idempotency.js';
import type { CartsService } from '../modules/carts/index.js';
import type { CheckoutService } from '../modules/orders/index.js';
import type { GraphQLContext } from './context.js';
import { type InputValidator, toRest } from './inputs.js';

type Schemas = components['schemas'];

/** What the mutations write through: the services and the one owner of transactions and idempotency. */
export interface MutationDeps {
  carts: CartsService;
  checkout: CheckoutService;
  idempotent: Idempotency;
  inputs: InputValidator;
}

/**
 * The write request REST would have made for a mutation. Idempotency records are keyed by API key,
 * method and path, so a GraphQL mutation and its REST twin share them: a client that retries a
 * checkout through the other API with the same key gets the first answer, not a second order.
 */
function asRestWrite(
  ctx: GraphQLContext,
  operationId: string,
  path: string,
  body: unknown,
  idempotencyKey: string | null | undefined,
): WriteRequest {
  return {
    operationId,
    method: 'POST',
    path,
    body,
    headers:
      idempotencyKey === null || idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey },
    principal: ctx.principal,
  };
}

/** Cart mutations and checkout, each one the service call of its REST operation. */
export function mutationResolvers({
  carts,
  checkout,
  idempotent,
  inputs,
}: MutationDeps): MutationResolvers<GraphQLContext> {
  return {
    cartCreate: async (_, { input, idempotencyKey }, ctx) => {
      const body = inputs.check<Schemas['CartCreate']>('CartCreate', toRest(input), 'input');
      const write = asRestWrite(ctx, 'createStoreCart', '/store/carts', body, idempotencyKey);
      return (await idempotent.run(write, 201, (trx) => carts.createCart(body, trx))).body;
    },
    cartUpdate: async (_, { cartId, input }) => {
      const body = inputs.check<Schemas['CartUpdate']>('CartUpdate', toRest(input), 'input');
      return idempotent.transaction((trx, steps) => carts.updateCart(cartId, body, trx, steps));
    },
    cartAddItem: async (_, { cartId, input, idempotencyKey }, ctx) => {
      const body = inputs.check<Schemas['CartItemAdd']>('CartItemAdd', toRest(input), 'input');
      const write = asRestWrite(
        ctx,
        'addStoreCartItem',
        `/store/carts/${cartId}/items`,
        body,
        idempotencyKey,
      );
      return (await idempotent.run(write, 200, (trx, steps) => carts.addItem(cartId, body, trx, steps))).body;
    },
    cartUpdateItem: async (_, { cartId, itemId, quantity }) => {
      const body = inputs.check<Schemas['CartItemUpdate']>('CartItemUpdate', { quantity }, '');
      return idempotent.transaction((trx, steps) => carts.updateItem(cartId, itemId, body, trx, steps));
    },
    cartRemoveItem: (_, { cartId, itemId }) =>
      idempotent.transaction((trx, steps) => carts.removeItem(cartId, itemId, trx, steps)),
    checkout: async (_, { cartId, input, idempotencyKey }, ctx) => {
      const body = inputs.check<Schemas['CheckoutRequest']>('CheckoutRequest', toRest(input), 'input');
      const write = asRestWrite(
        ctx,
        'checkoutStoreCart',
        `/store/carts/${cartId}/checkout`,
        body,
        idempotencyKey,
      );
      const out = await idempotent.run(
        write,
        201,
        checkout.checkout({ cartId, paymentMethod: body.payment_method }),
        { required: true },
      );
      return out.body;
    },
  };
}
