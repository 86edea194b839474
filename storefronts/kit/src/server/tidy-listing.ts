import { permanentRedirect } from 'next/navigation';
import { type RawParams, withoutEmptyFields } from '../listing';

/**
 * For a listing page: a query carrying empty fields (`?seller=&min=&max=100`, what a filter form
 * sends) is sent, permanently, to `path` without them (see `withoutEmptyFields`). Call it before
 * anything is drawn; a tidy query passes through.
 */
export function redirectEmptyFields(path: string, params: RawParams): void {
  const query = withoutEmptyFields(params);
  if (query !== null) permanentRedirect(`${path}${query}`);
}
