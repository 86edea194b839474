'use client';

import { useActionState } from 'react';
import { type CartLineState, removeLine, updateLine } from '@/app/actions/cart';

const initial: CartLineState = { message: '' };

/** A quantity stepper (− / +) and "Remove" for one bag line: small Server Action forms, no JavaScript needed. */
export function LineQuantity({
  itemId,
  quantity,
  title,
}: {
  itemId: string;
  quantity: number;
  title: string;
}) {
  const [updateState, update, updating] = useActionState(updateLine, initial);
  const [removeState, remove, removing] = useActionState(removeLine, initial);
  const message = updateState.message || removeState.message;
  return (
    <div className="qty">
      <form action={update} className="qty__stepper">
        <input type="hidden" name="item_id" value={itemId} />
        <button
          type="submit"
          name="quantity"
          value={quantity - 1}
          disabled={updating}
          aria-label={`One fewer ${title}`}
        >
          −
        </button>
        <output aria-label={`Quantity of ${title}`} data-testid="line-quantity">
          {quantity}
        </output>
        <button
          type="submit"
          name="quantity"
          value={quantity + 1}
          disabled={updating || quantity >= 100}
          aria-label={`One more ${title}`}
        >
          +
        </button>
      </form>
      <form action={remove}>
        <input type="hidden" name="item_id" value={itemId} />
        <button type="submit" className="link-button" disabled={removing}>
          Remove<span className="visually-hidden"> {title}</span>
        </button>
      </form>
      {message && (
        <p role="alert" className="field__error">
          {message}
        </p>
      )}
    </div>
  );
}
