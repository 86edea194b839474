'use client';

import { Field } from '@souk/storefront-kit/client';
import { useActionState } from 'react';
import { checkout } from '@/app/actions/checkout';
import { type CheckoutState, countries, testPaymentMethods } from '@/lib/checkout-form';

/**
 * The checkout form. Its Idempotency-Key is made when the page renders and sent with the form, so a
 * double click or a resubmitted request places one order; after a definite failure (declined card,
 * out of stock, invalid field) the action hands back a fresh key for the next attempt.
 */
export function CheckoutForm({ initial }: { initial: CheckoutState }) {
  const [state, formAction, pending] = useActionState(checkout, initial);
  const problem = state.problem;
  return (
    <form action={formAction} className="checkout-form" key={state.seq} id="checkout-form">
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
      <fieldset>
        <legend>Shipping address</legend>
        <Field name="name" label="Full name" autoComplete="name" state={state} />
        <Field name="line1" label="Address" autoComplete="address-line1" state={state} />
        <Field
          name="line2"
          label="Apartment, suite, etc."
          autoComplete="address-line2"
          state={state}
          required={false}
        />
        <div className="field-row">
          <Field name="postal_code" label="Postal code" autoComplete="postal-code" state={state} />
          <Field name="city" label="City" autoComplete="address-level2" state={state} />
        </div>
        <Field
          name="region"
          label="State / region"
          autoComplete="address-level1"
          state={state}
          required={false}
        />
        <div className="field">
          <label htmlFor="country">Country</label>
          <select
            id="country"
            name="country"
            autoComplete="country"
            defaultValue={state.values.country || 'US'}
          >
            {countries.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <Field name="phone" label="Phone" type="tel" autoComplete="tel" state={state} required={false} />
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
        {pending ? 'Placing your order…' : 'Place order'}
      </button>
    </form>
  );
}
