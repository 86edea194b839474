import type { Idempotency } from '../../http/idempotency.js';
import type { OperationHandlers } from '../../http/operations.js';
import type { SellerAdminService } from './sellers.service.js';

type SellerAdminHandlers = Pick<
  OperationHandlers,
  | 'listAdminSellers'
  | 'createAdminSeller'
  | 'getAdminSeller'
  | 'approveAdminSeller'
  | 'suspendAdminSeller'
  | 'reactivateAdminSeller'
  | 'setAdminSellerCommission'
  | 'getAdminSettings'
  | 'updateAdminSettings'
>;

/** Operator handlers for sellers and marketplace settings. */
export function sellerAdminHandlers(deps: { sellers: SellerAdminService; idempotent: Idempotency }) {
  const { sellers } = deps;
  return {
    listAdminSellers: async ({ query }) => ({ status: 200, body: await sellers.list(query) }),
    createAdminSeller: async (req) =>
      deps.idempotent.run(req, 201 as const, (trx) => sellers.create(req.body, trx)),
    getAdminSeller: async ({ params }) => ({ status: 200, body: await sellers.get(params.sellerId) }),
    approveAdminSeller: async ({ params }) => ({
      status: 200,
      body: await deps.idempotent.transaction((trx) => sellers.transition(params.sellerId, 'approve', trx)),
    }),
    suspendAdminSeller: async ({ params }) => ({
      status: 200,
      body: await deps.idempotent.transaction((trx) => sellers.transition(params.sellerId, 'suspend', trx)),
    }),
    reactivateAdminSeller: async ({ params }) => ({
      status: 200,
      body: await deps.idempotent.transaction((trx) =>
        sellers.transition(params.sellerId, 'reactivate', trx),
      ),
    }),
    setAdminSellerCommission: async ({ params, body }) => ({
      status: 200,
      body: await deps.idempotent.transaction((trx) =>
        sellers.setCommission(params.sellerId, body.commission_bps, trx),
      ),
    }),
    getAdminSettings: async () => ({ status: 200, body: await sellers.getSettings() }),
    updateAdminSettings: async ({ body }) => ({ status: 200, body: await sellers.updateSettings(body) }),
  } satisfies SellerAdminHandlers;
}
