'use client';

import type { VariantChoice } from '@souk/storefront-kit';
import type { AddToCartState } from '@souk/storefront-kit/server';
import { useActionState, useState } from 'react';
import { addToCart } from '@/app/actions/cart';

const initial: AddToCartState = { status: 'idle', message: '', seq: 0 };

/** A variant picker and "Add to cart": the smallest buying form on the kit's Server Action. */
export function AddToCart({
  variants,
  initialVariantId,
}: {
  variants: VariantChoice[];
  initialVariantId?: string;
}) {
  const [state, action, pending] = useActionState(addToCart, initial);
  const [variantId, setVariantId] = useState(initialVariantId ?? '');
  return (
    <form action={action}>
      <label htmlFor="variant">Option</label>
      <select id="variant" name="variant_id" value={variantId} onChange={(e) => setVariantId(e.target.value)}>
        {variants.map((v) => (
          <option key={v.id} value={v.id} disabled={v.available === 0 || v.priceLabel === null}>
            {v.title} — {v.priceLabel ?? 'not sold in this currency'}
          </option>
        ))}
      </select>
      <button type="submit" disabled={pending}>
        Add to cart
      </button>
      <p role="status">{state.message}</p>
    </form>
  );
}
