'use client';

import type { ShippingAddress } from '@souk/sdk';
import { type CheckoutState, testPaymentMethods } from '@souk/storefront-kit';
import { AddressFields, Field, useAddressPreview } from '@souk/storefront-kit/client';
import { useActionState } from 'react';
import { checkout, previewAddress } from '@/app/actions/checkout';

/**
 * A one-page checkout in three numbered steps. The Idempotency-Key is made when the page renders and
 * sent with the form, so a double submit places one order; the kit's action hands back a fresh key
 * after a definite failure.
 */
export function CheckoutForm({
  initial,
  saveAddress,
  total,
  cartAddress = null,
}: {
  initial: CheckoutState;
  /** Signed in: offer to keep the address in the account (ticked when the account has none yet). */
  saveAddress?: { checked: boolean };
  /** The order's total, formatted, once its tax is known: the button says what the order costs. */
  total?: string | undefined;
  /** The cart's address as the page was drawn: the one its summary already prices. */
  cartAddress?: ShippingAddress | null;
}) {
  const [state, formAction, pending] = useActionState(checkout, initial);
  // The summary beside the form shows the tax of the address as typed, before the order is placed.
  const previewRef = useAddressPreview(previewAddress, cartAddress);
  const problem = state.problem;
  return (
    <form action={formAction} className="checkout-form" key={state.seq} id="checkout-form" ref={previewRef}>
      {problem && (
        <div role="alert" className="alert" data-testid="checkout-error" data-code={problem.code}>
          <p>{problem.message}</p>
          {(problem.code === 'out_of_stock' || problem.code === 'variant_unavailable') && (
            <p>
              <a href="/cart">Review your bag</a>
            </p>
          )}
        </div>
      )}
      <input type="hidden" name="idempotency_key" value={state.idempotencyKey} />
      <fieldset className="step">
        <legend>
          <span className="step__no">1</span> Contact
        </legend>
        <Field name="email" label="Email" type="email" autoComplete="email" state={state} />
      </fieldset>
      <fieldset className="step">
        <legend>
          <span className="step__no">2</span> Delivery
        </legend>
        <AddressFields state={state} />
        {saveAddress && (
          <label className="check">
            <input type="checkbox" name="save_address" defaultChecked={saveAddress.checked} />
            Save this address to my account
          </label>
        )}
      </fieldset>
      <fieldset className="step">
        <legend>
          <span className="step__no">3</span> Payment
        </legend>
        <div className="field">
          <label htmlFor="payment_method">Payment method (test cards — no money moves)</label>
          <select
            id="payment_method"
            name="payment_method"
            defaultValue={state.values.payment_method || 'pm_card_visa'}
          >
            {testPaymentMethods.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <button type="submit" className="btn btn--block" disabled={pending} aria-disabled={pending}>
        {pending ? 'Placing your order…' : total ? `Place order · ${total}` : 'Place order'}
      </button>
    </form>
  );
}
