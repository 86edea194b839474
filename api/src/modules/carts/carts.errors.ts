import { AppError } from '../../errors.js';

/** The `not_found` every cart lookup answers for an unknown id. */
export function cartNotFound(cartId: string): AppError {
  return new AppError('not_found', `No cart has the id '${cartId}'.`);
}
