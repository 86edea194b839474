import { AppError } from '../errors.js';

/** Who a request acts for, as established from its API key (or its absence). */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'publishable'; keyId: string }
  | { kind: 'seller'; keyId: string; sellerId: string }
  | { kind: 'operator'; keyId: string };

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
