import { AppError } from '../../errors.js';

/** The `not_found` every cart lookup answers for an unknown id. */
export function cartNotFound(cartId: string): AppError {
  return new AppError('not_found', `No cart has the id '${cartId}'.`);
}

/** The `cart_completed` of a checkout (or its pricing) for a cart that was already checked out. */
export function cartAlreadyCheckedOut(): AppError {
  return new AppError('cart_completed', 'The cart was already checked out.');
}
