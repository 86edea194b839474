'use client';

import { useActionState, useId } from 'react';
import { type CartLineState, removeLine, updateLine } from '@/app/actions/cart';

const initial: CartLineState = { message: '' };

/** Quantity and remove controls of one cart line: two small Server Action forms. */
export function CartLineControls({
  itemId,
  quantity,
  title,
}: {
  itemId: string;
  quantity: number;
  title: string;
}) {
  const id = useId();
  const [updateState, update, updating] = useActionState(updateLine, initial);
  const [removeState, remove, removing] = useActionState(removeLine, initial);
  const message = updateState.message || removeState.message;
  return (
    <div className="line-controls">
      <form action={update} className="line-controls__qty">
        <input type="hidden" name="item_id" value={itemId} />
        <label htmlFor={`${id}-q`} className="visually-hidden">
          Quantity of {title}
        </label>
        <input
          id={`${id}-q`}
          name="quantity"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          defaultValue={quantity}
          key={quantity}
          required
        />
        <button type="submit" className="button button--small" disabled={updating}>
          Update<span className="visually-hidden"> quantity of {title}</span>
        </button>
      </form>
      <form action={remove}>
        <input type="hidden" name="item_id" value={itemId} />
        <button type="submit" className="button button--link" disabled={removing}>
          Remove<span className="visually-hidden"> {title}</span>
        </button>
      </form>
      {message && (
        <p role="alert" className="form-message form-message--error">
          {message}
        </p>
      )}
    </div>
  );
}
