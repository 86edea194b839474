'use client';

import { useActionState, useId, useState } from 'react';
import { type AddToCartState, addToCart } from '@/app/actions/cart';

/** A variant as the picker needs it; prices arrive formatted from the server. */
export interface PickerVariant {
  id: string;
  title: string;
  options: Record<string, string>;
  priceLabel: string | null;
  available: number;
}

export interface PickerOption {
  name: string;
  values: string[];
}

const initial: AddToCartState = { status: 'idle', message: '', seq: 0 };

function stockLabel(variant: PickerVariant | undefined): string {
  if (!variant) return 'This combination is not available.';
  if (variant.priceLabel === null) return 'Not sold in this currency.';
  if (variant.available === 0) return 'Out of stock';
  if (variant.available <= 5) return `Only ${variant.available} left`;
  return 'In stock';
}

/**
 * Option picker and add-to-cart button. One radio group per option (keyboard and screen-reader
 * friendly); the matching variant's price and stock update as the buyer picks. The Server Action
 * gets the variant id, so the page's static HTML already adds the default variant without JavaScript.
 */
export function AddToCartForm({
  options,
  variants,
  initialVariantId,
}: {
  options: PickerOption[];
  variants: PickerVariant[];
  initialVariantId: string | undefined;
}) {
  const id = useId();
  const [state, formAction, pending] = useActionState(addToCart, initial);
  const [selected, setSelected] = useState<Record<string, string>>(
    () => variants.find((v) => v.id === initialVariantId)?.options ?? {},
  );
  const variant = variants.find((v) => options.every((o) => v.options[o.name] === selected[o.name]));
  const buyable = variant !== undefined && variant.priceLabel !== null && variant.available > 0;
  const maxQuantity = Math.min(variant?.available ?? 1, 100);

  return (
    <form action={formAction} className="add-to-cart">
      {options.map((option) => (
        <fieldset key={option.name} className="option-group">
          <legend>{option.name}</legend>
          {option.values.map((value) => (
            <label key={value} className="option-chip">
              <input
                type="radio"
                name={`option-${option.name}`}
                value={value}
                checked={selected[option.name] === value}
                onChange={() => setSelected((s) => ({ ...s, [option.name]: value }))}
              />
              <span>{value}</span>
            </label>
          ))}
        </fieldset>
      ))}
      <p className="add-to-cart__price" data-testid="variant-price">
        {variant?.priceLabel ?? '—'}
      </p>
      <p className={`stock ${buyable ? 'stock--ok' : 'stock--out'}`} data-testid="stock-state">
        {stockLabel(variant)}
      </p>
      <input type="hidden" name="variant_id" value={variant?.id ?? ''} />
      <div className="add-to-cart__row">
        <label htmlFor={`${id}-qty`}>Quantity</label>
        <input
          id={`${id}-qty`}
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={maxQuantity}
          defaultValue={1}
          required
        />
        <button type="submit" className="button button--primary" disabled={!buyable || pending}>
          {pending ? 'Adding…' : 'Add to cart'}
        </button>
      </div>
      <p role="status" aria-live="polite" className={`form-message form-message--${state.status}`}>
        {state.message}
        {state.status === 'added' && (
          <>
            {' '}
            <a href="/cart">View cart</a>
          </>
        )}
      </p>
    </form>
  );
}
