import {
  getRedirectStatusCodeFromError,
  getURLFromRedirectError,
} from 'next/dist/client/components/redirect';
import type { RedirectError } from 'next/dist/client/components/redirect-error';
import { describe, expect, it } from 'vitest';
import { redirectToOwnAddress } from './product-address';

/** Where `run` redirects to and with which status, or null when it returns. */
function redirectOf(run: () => void): { url: string; status: number } | null {
  try {
    run();
    return null;
  } catch (err) {
    const redirect = err as RedirectError;
    return { url: getURLFromRedirectError(redirect), status: getRedirectStatusCodeFromError(redirect) };
  }
}

describe('redirectToOwnAddress', () => {
  const product = { handle: 'linen-apron' };

  it('lets the product’s own address through, encoded or not', () => {
    expect(redirectOf(() => redirectToOwnAddress('linen-apron', product))).toBeNull();
    expect(redirectOf(() => redirectToOwnAddress('caf%C3%A9-mug', { handle: 'café-mug' }))).toBeNull();
  });

  it('sends an old handle or the id permanently to the handle', () => {
    for (const requested of ['linen-apron-old', 'prod_01KDW8NJ80K2DHD73FVC9PK19B']) {
      expect(redirectOf(() => redirectToOwnAddress(requested, product))).toEqual({
        url: '/products/linen-apron',
        status: 308,
      });
    }
    expect(redirectOf(() => redirectToOwnAddress('mug', { handle: 'café-mug' }))?.url).toBe(
      '/products/caf%C3%A9-mug',
    );
  });
});
