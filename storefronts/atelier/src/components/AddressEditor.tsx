'use client';

import { type AddressFormState, addressFormValues, type CustomerAddress } from '@souk/storefront-kit';
import { AddressFields, Field } from '@souk/storefront-kit/client';
import { useActionState, useEffect, useRef } from 'react';
import { saveAddress } from '@/app/actions/addresses';
import styles from './account.module.css';

/**
 * A saved address's fields under its "Edit" (or a new one's under "Add an address"): a `<details>`,
 * so the account page draws closed without JavaScript state, and it folds itself once the API saved it.
 */
export function AddressEditor({ saved, summary }: { saved?: CustomerAddress; summary: React.ReactNode }) {
  const initial: AddressFormState = { values: saved ? addressFormValues(saved) : {}, saved: false, seq: 0 };
  const [state, action, pending] = useActionState(saveAddress, initial);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (state.saved && details.current) details.current.open = false;
  }, [state]);
  const prefix = `${saved?.id ?? 'new'}-`;
  return (
    <details ref={details} className={styles.addressEditor} data-testid="address-editor">
      <summary className="link-button">{summary}</summary>
      <form action={action} className={styles.addressForm} key={state.seq} data-testid="address-form">
        {state.problem && (
          <p role="alert" className="alert">
            {state.problem.message}
          </p>
        )}
        {saved && <input type="hidden" name="address_id" value={saved.id} />}
        <Field name="label" label="Label (Home, Work…)" state={state} idPrefix={prefix} required={false} />
        <AddressFields state={state} idPrefix={prefix} />
        {!saved?.is_default && (
          <label className="check">
            <input type="checkbox" name="is_default" /> Use at checkout
          </label>
        )}
        <button type="submit" className="btn" disabled={pending}>
          {pending ? 'Saving…' : saved ? 'Save changes' : 'Save address'}
        </button>
      </form>
    </details>
  );
}
