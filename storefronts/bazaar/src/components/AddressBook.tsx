'use client';

import {
  type AddressFormState,
  addressFormValues,
  type CustomerAddress,
  countryName,
} from '@souk/storefront-kit';
import { AddressFields, Field } from '@souk/storefront-kit/client';
import { useActionState, useEffect, useState } from 'react';
import { deleteAddress, makeDefaultAddress, saveAddress } from '@/app/actions/addresses';
import styles from './account.module.css';

/** The form to add an address (no `saved`) or change one; it closes itself once the API has saved it. */
function AddressEditor({ saved, onDone }: { saved?: CustomerAddress; onDone: () => void }) {
  const initial: AddressFormState = { values: saved ? addressFormValues(saved) : {}, saved: false, seq: 0 };
  const [state, action, pending] = useActionState(saveAddress, initial);
  useEffect(() => {
    if (state.saved) onDone();
  }, [state, onDone]);
  const prefix = `${saved?.id ?? 'new'}-`;
  const problem = state.problem;
  return (
    <form action={action} className={styles.addressForm} key={state.seq} data-testid="address-form">
      {problem && (
        <p role="alert" className="alert alert--error">
          {problem.message}
        </p>
      )}
      {saved && <input type="hidden" name="address_id" value={saved.id} />}
      <Field name="label" label="Label (Home, Office…)" state={state} idPrefix={prefix} required={false} />
      <AddressFields state={state} idPrefix={prefix} />
      {!saved?.is_default && (
        <label className={styles.checkbox}>
          <input type="checkbox" name="is_default" /> Use as my default address
        </label>
      )}
      <div className={styles.formActions}>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : saved ? 'Save changes' : 'Save address'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AddressCard({ saved }: { saved: CustomerAddress }) {
  const [editing, setEditing] = useState(false);
  const a = saved.address;
  const country = countryName(a.country);
  if (editing) {
    return (
      <li className={styles.address} data-testid="saved-address">
        <AddressEditor saved={saved} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className={styles.address} data-testid="saved-address" data-default={saved.is_default}>
      <div className={styles.addressHead}>
        <strong>{saved.label ?? a.name}</strong>
        {saved.is_default && <span className="badge">Default</span>}
      </div>
      <address className={styles.addressLines}>
        {[a.name, a.line1, a.line2, `${a.postal_code} ${a.city}${a.region ? `, ${a.region}` : ''}`, country]
          .filter(Boolean)
          .join('\n')}
      </address>
      <div className={styles.addressActions}>
        <button type="button" className={styles.linkButton} onClick={() => setEditing(true)}>
          Edit
        </button>
        {!saved.is_default && (
          <form action={makeDefaultAddress}>
            <input type="hidden" name="address_id" value={saved.id} />
            <button type="submit" className={styles.linkButton}>
              Make default
            </button>
          </form>
        )}
        <form action={deleteAddress}>
          <input type="hidden" name="address_id" value={saved.id} />
          <button type="submit" className={`${styles.linkButton} ${styles.danger}`}>
            Delete
          </button>
        </form>
      </div>
    </li>
  );
}

/** The shopper's saved addresses on the account page: list, add, edit, delete and pick the default. */
export function AddressBook({ addresses }: { addresses: CustomerAddress[] }) {
  const [adding, setAdding] = useState(false);
  return (
    <section className={styles.card} aria-labelledby="addresses-heading" data-testid="address-book">
      <h2 id="addresses-heading" className={styles.cardTitle}>
        Addresses
      </h2>
      {addresses.length === 0 && !adding && (
        <p className="muted">Save an address and checkout fills it in for you.</p>
      )}
      <ul className={styles.addresses}>
        {addresses.map((saved) => (
          <AddressCard key={`${saved.id}-${saved.updated_at}`} saved={saved} />
        ))}
      </ul>
      {adding ? (
        <AddressEditor onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="button button--block" onClick={() => setAdding(true)}>
          Add an address
        </button>
      )}
    </section>
  );
}
