import { AppError } from '../errors.js';
import type { components } from '../generated/openapi.js';

type StaffRole = components['schemas']['StaffRole'];
type OperatorRole = components['schemas']['OperatorRole'];

/**
 * Who is calling, as established from the `X-Api-Key` header and, on operations that take one, the
 * `Authorization: Bearer` ID token (`customerId`: the signed-in shopper's account).
 */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'publishable'; keyId: string; customerId?: string }
  | {
      kind: 'seller';
      /** The API key's id, or for a staff member signed in with a token, the staff id (`stf_…`). */
      keyId: string;
      sellerId: string;
      /** Present when a seller's staff member acts with their ID token (`StaffToken`). */
      staff?: { id: string; role: StaffRole };
    }
  | {
      kind: 'operator';
      /** The operator key's id, or for an operator staff member signed in with a token, the staff id. */
      keyId: string;
      /** Present when an operator staff member acts with their ID token (`OperatorStaffToken`). */
      staff?: { id: string; role: OperatorRole };
    };

/** The principal of a request without a valid key (frozen: one object for every such request). */
export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });

/**
 * The seller a `/seller/*` request acts for. The spec's SellerKey scheme already guarantees a seller
 * key reached the handler; this narrows the type and fails closed if that ever stops being true.
 */
export function sellerIdOf(principal: Principal): string {
  if (principal.kind !== 'seller') throw new AppError('forbidden', 'This operation needs a seller key.');
  return principal.sellerId;
}

/** The API key id behind a request, used to scope idempotency keys per client. */
export function keyIdOf(principal: Principal): string {
  return principal.kind === 'anonymous' ? 'anonymous' : principal.keyId;
}
