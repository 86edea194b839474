import { permanentRedirect } from 'next/navigation';

/**
 * For a product page: a product reached by an address that is not its own — a handle it had before
 * a rename, its id — is sent, permanently (308), to `/products/{handle}`, so links and search results
 * made before a rename move to the one address the product has now. Call it before anything is
 * drawn; the product's own address passes through. `requested` is the route's raw segment.
 */
export function redirectToOwnAddress(requested: string, product: { handle: string }): void {
  if (decodeURIComponent(requested) !== product.handle) {
    permanentRedirect(`/products/${encodeURIComponent(product.handle)}`);
  }
}
