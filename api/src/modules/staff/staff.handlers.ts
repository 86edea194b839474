import type { OperationHandlers } from '../../http/operations.js';
import { sellerIdOf } from '../../http/principal.js';
import type { StaffService } from './staff.service.js';

type StaffHandlers = Pick<OperationHandlers, 'listSellerStaff' | 'inviteSellerStaff' | 'removeSellerStaff'>;

/** Handlers of a seller's staff (owner role or a seller key). */
export function staffHandlers({ staff }: { staff: StaffService }) {
  return {
    listSellerStaff: async ({ principal }) => ({
      status: 200,
      body: { data: await staff.list(sellerIdOf(principal)) },
    }),
    inviteSellerStaff: async ({ principal, body }) => ({
      status: 201,
      // Attribution: the inviting staff member, or the key a server used.
      body: await staff.invite(
        sellerIdOf(principal),
        body,
        principal.kind === 'seller' ? (principal.staff?.id ?? principal.keyId) : 'unknown',
      ),
    }),
    removeSellerStaff: async ({ principal, params }) => {
      await staff.remove(sellerIdOf(principal), params.staffId);
      return { status: 204 };
    },
  } satisfies StaffHandlers;
}
