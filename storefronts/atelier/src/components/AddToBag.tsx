'use client';

import {
  isBuyable,
  matchVariant,
  type OptionChoice,
  stockLabel,
  type VariantChoice,
} from '@souk/storefront-kit';
import { useActionState, useEffect, useId, useState } from 'react';
import { type AddToCartState, addToCart } from '@/app/actions/cart';
import { CART_CHANGED } from './MiniCart';

const initial: AddToCartState = { status: 'idle', message: '', seq: 0 };

/**
 * Option swatches, price, stock and "Add to bag". The Server Action gets the variant id, so the static
 * HTML already adds the default variant without JavaScript; with it, the mini-cart opens on success.
 */
export function AddToBag({
  options,
  variants,
  initialVariantId,
  compact = false,
}: {
  options: OptionChoice[];
  variants: VariantChoice[];
  initialVariantId: string | undefined;
  compact?: boolean;
}) {
  const id = useId();
  const [state, formAction, pending] = useActionState(addToCart, initial);
  const [selected, setSelected] = useState<Record<string, string>>(
    () => variants.find((v) => v.id === initialVariantId)?.options ?? {},
  );
  const variant = matchVariant(options, variants, selected);
  const buyable = isBuyable(variant);

  useEffect(() => {
    if (state.status === 'added') window.dispatchEvent(new Event(CART_CHANGED));
  }, [state]);

  return (
    <form action={formAction} className={`buy ${compact ? 'buy--compact' : ''}`}>
      <p className="buy__price" data-testid="variant-price">
        {variant?.priceLabel ?? '—'}
      </p>
      {options.map((option) => (
        <fieldset key={option.name} className="swatches">
          <legend>
            {option.name}: <strong>{selected[option.name] ?? '—'}</strong>
          </legend>
          {option.values.map((value) => (
            <label key={value} className="swatch">
              <input
                type="radio"
                name={`${id}-option-${option.name}`}
                value={value}
                checked={selected[option.name] === value}
                onChange={() => setSelected((s) => ({ ...s, [option.name]: value }))}
              />
              <span>{value}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <p className={`stock ${buyable ? 'stock--ok' : 'stock--out'}`} data-testid="stock-state">
        {stockLabel(variant)}
      </p>
      <input type="hidden" name="variant_id" value={variant?.id ?? ''} />
      <input type="hidden" name="quantity" value="1" />
      <button type="submit" className="btn btn--block" disabled={!buyable || pending}>
        {pending ? 'Adding…' : 'Add to bag'}
      </button>
      <p role="status" aria-live="polite" className={`buy__message buy__message--${state.status}`}>
        {state.message}
      </p>
    </form>
  );
}
