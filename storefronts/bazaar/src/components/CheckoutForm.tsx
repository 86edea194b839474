'use client';

import type { ShippingAddress } from '@souk/sdk';
import {
  addressFormValues,
  type CheckoutState,
  type CustomerAddress,
  shippingAddressFields,
  testPaymentMethods,
} from '@souk/storefront-kit';
import { AddressFields, Field, useAddressPreview } from '@souk/storefront-kit/client';
import { useActionState, useState } from 'react';
import { checkout, previewAddress } from '@/app/actions/checkout';

/** Empty address fields, for "Enter another address". */
const NO_ADDRESS = Object.fromEntries(shippingAddressFields.map((f) => [f, '']));

/**
 * The checkout form. Its Idempotency-Key is made when the page renders and sent with the form, so a
 * double click or a resubmitted request places one order; after a definite failure (declined card,
 * out of stock, invalid field) the action hands back a fresh key for the next attempt.
 */
export function CheckoutForm({
  initial,
  addresses = [],
  pickedId,
  signedIn = false,
  total,
  cartAddress = null,
}: {
  initial: CheckoutState;
  /** A signed-in shopper's saved addresses, to pick from. */
  addresses?: CustomerAddress[];
  /** The saved address the form starts from, if any. */
  pickedId?: string;
  /** Whether a shopper is signed in (then a typed address can be saved to their account). */
  signedIn?: boolean;
  /** The order's total, formatted, once its tax is known: the button says what the order costs. */
  total?: string | undefined;
  /** The cart's address as the page was drawn: the one its summary already prices. */
  cartAddress?: ShippingAddress | null;
}) {
  const [submitted, formAction, pending] = useActionState(checkout, initial);
  // The summary beside the form shows the tax of the address as typed, before the order is placed.
  const previewRef = useAddressPreview(previewAddress, cartAddress);
  // Picking a saved address refills the address fields (re-mounted through their key).
  // A pick holds until the next submit, whose answer shows the values sent.
  const [picked, setPicked] = useState({ id: pickedId ?? '', seq: pickedId ? initial.seq : -1 });
  const current = picked.seq === submitted.seq;
  const choice = addresses.find((a) => a.id === picked.id);
  const state = current
    ? { ...submitted, values: { ...submitted.values, ...(choice ? addressFormValues(choice) : NO_ADDRESS) } }
    : submitted;
  const problem = state.problem;
  return (
    <form action={formAction} className="checkout-form" key={state.seq} id="checkout-form" ref={previewRef}>
      {problem && (
        <div
          role="alert"
          className="alert alert--error"
          data-testid="checkout-error"
          data-code={problem.code}
        >
          <p>{problem.message}</p>
          {(problem.code === 'out_of_stock' || problem.code === 'variant_unavailable') && (
            <p>
              <a href="/cart">Review your cart</a>
            </p>
          )}
        </div>
      )}
      <input type="hidden" name="idempotency_key" value={state.idempotencyKey} />
      <fieldset>
        <legend>Contact</legend>
        <Field name="email" label="Email" type="email" autoComplete="email" state={state} />
      </fieldset>
      <fieldset key={`${state.seq}-${picked.id}`}>
        <legend>Shipping address</legend>
        {addresses.length > 0 && (
          <div className="field">
            <label htmlFor="saved_address">Saved addresses</label>
            <select
              id="saved_address"
              data-testid="saved-address-picker"
              value={current ? picked.id : ''}
              onChange={(e) => setPicked({ id: e.target.value, seq: submitted.seq })}
            >
              <option value="">Enter another address</option>
              {addresses.map((a) => (
                <option key={a.id} value={a.id}>
                  {[a.label, a.address.line1, a.address.city].filter(Boolean).join(', ')}
                  {a.is_default ? ' (default)' : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        <AddressFields state={state} />
        {/* A saved address picked as it is needs no saving; a typed one may. */}
        {signedIn && !(current && choice) && (
          <label className="checkbox-line">
            <input type="checkbox" name="save_address" defaultChecked={addresses.length === 0} />
            Save this address to my account
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>Payment</legend>
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
      <button
        type="submit"
        className="button button--primary button--block"
        disabled={pending}
        aria-disabled={pending}
      >
        {pending ? 'Placing your order…' : total ? `Place order · ${total}` : 'Place order'}
      </button>
    </form>
  );
}
