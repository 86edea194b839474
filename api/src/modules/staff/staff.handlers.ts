import type { Idempotency } from '../../http/idempotency.js';
import type { OperationHandlers } from '../../http/operations.js';
import { type Principal, sellerIdOf } from '../../http/principal.js';
import type { StaffService } from './staff.service.js';

type StaffHandlers = Pick<
  OperationHandlers,
  | 'listSellerStaff'
  | 'inviteSellerStaff'
  | 'removeSellerStaff'
  | 'listAdminStaff'
  | 'inviteAdminStaff'
  | 'removeAdminStaff'
>;

/** Attribution of an invitation: the inviting staff member, or the key a server used. */
const inviter = (principal: Principal) =>
  principal.kind === 'seller' || principal.kind === 'operator'
    ? (principal.staff?.id ?? principal.keyId)
    : 'unknown';

/** Handlers of a seller's staff (owner role or a seller key) and of the operator's (owner role or the operator key). */
export function staffHandlers({ staff, idempotent }: { staff: StaffService; idempotent: Idempotency }) {
  return {
    listSellerStaff: async ({ principal }) => ({
      status: 200,
      body: { data: await staff.list(sellerIdOf(principal)) },
    }),
    inviteSellerStaff: async ({ principal, body }) => ({
      status: 201,
      body: await idempotent.transaction((trx) =>
        staff.invite(sellerIdOf(principal), body, inviter(principal), trx),
      ),
    }),
    removeSellerStaff: async ({ principal, params }) => {
      await staff.remove(sellerIdOf(principal), params.staffId);
      return { status: 204 };
    },
    listAdminStaff: async () => ({ status: 200, body: { data: await staff.operators.list() } }),
    inviteAdminStaff: async ({ principal, body }) => ({
      status: 201,
      body: await idempotent.transaction((trx) => staff.operators.invite(body, inviter(principal), trx)),
    }),
    removeAdminStaff: async ({ params }) => {
      await staff.operators.remove(params.staffId);
      return { status: 204 };
    },
  } satisfies StaffHandlers;
}
