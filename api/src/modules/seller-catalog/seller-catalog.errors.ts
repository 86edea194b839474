import { AppError } from '../../errors.js';
import { constraintViolation } from './seller-catalog.repository.js';

/** The same answer whether the product does not exist or belongs to another seller: never reveal which. */
export function productNotFound(productId: string): AppError {
  return new AppError('not_found', `You have no product with the id '${productId}'.`);
}

/**
 * Runs `work` (in the transaction its caller was given). Unique and foreign-key violations that slip
 * past the checks (two requests racing for the same handle or SKU) become 409s, never 500s.
 */
export async function explainingConstraints<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw explainConstraint(err) ?? err;
  }
}

function explainConstraint(err: unknown): AppError | undefined {
  const violation = constraintViolation(err);
  if (!violation) return undefined;
  const value = /\)=\((.*)\)/.exec(violation.detail)?.[1];
  if (violation.kind === 'unique') {
    if (violation.constraint === 'products_handle_key') {
      return new AppError('conflict', `The handle '${value ?? ''}' is already taken.`, { cause: err });
    }
    if (violation.constraint === 'variants_sku_key') {
      return new AppError('conflict', `The SKU '${value ?? ''}' is already taken.`, { cause: err });
    }
    return new AppError('conflict', 'The change conflicts with existing data.', { cause: err });
  }
  if (violation.constraint === 'products_category_id_fkey') {
    return new AppError('validation_failed', 'body /category: no category has this id or handle', {
      errors: [{ in: 'body', field: '/category', message: 'no category has this id or handle' }],
      cause: err,
    });
  }
  return new AppError(
    'conflict',
    'Other records (such as orders) refer to what you are changing or deleting; unpublish the product instead.',
    { cause: err },
  );
}
