import { AppError } from '../errors.js';
import type { Resolvers } from '../generated/graphql.js';
import type { CartsService } from '../modules/carts/index.js';
import type { CatalogService } from '../modules/catalog/index.js';
import type { OrdersService } from '../modules/orders/index.js';
import { type AccountDeps, accountResolvers, orNull } from './account.js';
import type { ProductConnectionModel } from './context.js';
import type { InputValidator } from './inputs.js';
import { type MutationDeps, mutationResolvers } from './mutations.js';
import { scalars } from './scalars.js';

/** The services queries read through: the same ones the REST handlers call. */
export interface ResolverDeps extends MutationDeps, AccountDeps {
  catalog: CatalogService;
  carts: CartsService;
  orders: OrdersService;
  inputs: InputValidator;
}

/** Most sellers one `sellers` query may ask for. */
const MAX_SELLERS = 50;

/**
 * Resolvers of the storefront schema (spec/graphql/storefront.graphql), typed by the generated
 * `Resolvers`. Objects are the services' REST bodies; fields whose names differ only by case are read
 * by the default field resolver (schema.ts), so only links and renamed values are written out here.
 */
export function createResolvers(deps: ResolverDeps): Resolvers {
  const { catalog, carts, orders, inputs } = deps;
  const account = accountResolvers(deps);
  return {
    ...scalars,
    ...account,
    Query: {
      products: async (_, args) => {
        const input = inputs.check<Parameters<CatalogService['listProductEdges']>[0]>(
          'ProductSearch',
          dropNulls({
            limit: args.first,
            cursor: args.after,
            q: args.query,
            category: args.category,
            seller: args.seller,
            currency: args.currency,
            min_price: args.minPrice,
            max_price: args.maxPrice,
            sort: args.sort,
          }),
          '',
        );
        const page = await catalog.listProductEdges(input, 'body');
        const edges = page.data.map((node, i) => ({ node, cursor: page.cursors[i] ?? '' }));
        return {
          edges,
          nodes: page.data,
          pageInfo: {
            hasNextPage: page.next_cursor !== null,
            hasPreviousPage: false,
            startCursor: edges[0]?.cursor ?? null,
            endCursor: page.next_cursor ?? edges.at(-1)?.cursor ?? null,
          },
        } satisfies ProductConnectionModel;
      },
      product: (_, { idOrHandle, currency }) =>
        orNull(() => catalog.getProduct(idOrHandle, currency ?? undefined)),
      categories: async () => (await catalog.listCategories()).data,
      seller: (_, { idOrHandle }, { loaders }) => loaders.seller.load(idOrHandle),
      sellers: (_, { idsOrHandles }, { loaders }) => {
        if (idsOrHandles.length > MAX_SELLERS)
          throw new AppError('validation_failed', `Ask for at most ${MAX_SELLERS} sellers at once.`, {
            errors: [
              { in: 'body', field: '/idsOrHandles', message: `must have at most ${MAX_SELLERS} items` },
            ],
          });
        return loaders.seller.loadMany(idsOrHandles).then((all) =>
          all.map((s) => {
            if (s instanceof Error) throw s;
            return s;
          }),
        );
      },
      cart: (_, { id }) => orNull(() => carts.getCart(id)),
      order: (_, { id, accessToken }) =>
        orNull(async () => deps.buyersOrders.byToken(await orders.getForBuyer(id, accessToken))),
      ...account.Query,
    },
    Mutation: mutationResolvers(deps),
    ProductSort: {
      RELEVANCE: 'relevance',
      PRICE_ASC: 'price_asc',
      PRICE_DESC: 'price_desc',
      NEWEST: 'newest',
      RATING: 'rating',
    },
    ProductStatus: { DRAFT: 'draft', PUBLISHED: 'published' },
    SellerStatus: { PENDING: 'pending', ACTIVE: 'active', SUSPENDED: 'suspended' },
    CartStatus: { ACTIVE: 'active', COMPLETED: 'completed' },
    Product: {
      ...account.Product,
      // REST embeds the seller's summary; GraphQL gives the whole profile, batched across the page.
      seller: async (product, _, { loaders }) => {
        const seller = await loaders.seller.load(product.seller.id);
        if (!seller) throw new AppError('not_found', `The seller ${product.seller.id} is not active.`);
        return seller;
      },
      category: async (product, _, { loaders }) =>
        product.category ? ((await loaders.categoryTree()).byId.get(product.category.id) ?? null) : null,
    },
    Seller: {
      // The page REST serves apart (`/store/sellers/{idOrHandle}/page`), read only when asked for.
      profile: (seller, _, { loaders }) => loaders.sellerProfile.load(seller.id),
      rating: (seller, _, { loaders }) => loaders.sellerRating.load(seller.id),
    },
    Category: {
      parent: async (category, _, { loaders }) =>
        category.parent_id ? ((await loaders.categoryTree()).byId.get(category.parent_id) ?? null) : null,
      children: async (category, _, { loaders }) =>
        (await loaders.categoryTree()).children.get(category.id) ?? [],
    },
    Cart: {
      // A line's product is shown in the cart's currency.
      items: (cart) => cart.items.map((item) => ({ ...item, cart_currency: cart.currency })),
    },
    CartItem: {
      product: (item, _, { loaders }) =>
        loaders.product.load(`${item.cart_currency ?? ''}|${item.product_id}`),
    },
    Order: { status: (order) => order.status.toUpperCase() },
    SellerOrder: { status: (order) => order.status.toUpperCase() },
  };
}

/** Arguments with nulls and absent values removed (GraphQL's null means "not given" for these filters). */
function dropNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
}
