import { type CustomerAddress, countryName } from '@souk/storefront-kit';
import { makeCheckoutAddress, removeAddress } from '@/app/actions/addresses';
import { AddressEditor } from './AddressEditor';
import styles from './account.module.css';

/** An address on one line: "Ines Moreau, 12 rue des Tanneurs, 69001 Lyon, France". */
function oneLine({ address: a }: CustomerAddress): string {
  return [a.name, a.line1, a.line2, `${a.postal_code} ${a.city}`, a.region, countryName(a.country)]
    .filter(Boolean)
    .join(', ');
}

/**
 * The account's saved addresses: the one checkout fills in first, then the others, each of which can
 * be edited, take its place or go. New ones come from checkout ("Save this address to my account") or
 * from "Add an address".
 */
export function SavedAddresses({ addresses }: { addresses: CustomerAddress[] }) {
  return (
    <section aria-labelledby="addresses-heading" data-testid="saved-addresses">
      <h3 id="addresses-heading" className={styles.factTitle}>
        Addresses
      </h3>
      {addresses.length === 0 ? (
        <p className="small muted">
          Tick “Save this address to my account” at checkout, or add one here, and checkout fills it in.
        </p>
      ) : (
        <ul className={styles.addresses}>
          {addresses.map((saved) => (
            <li key={saved.id} data-testid="saved-address" data-default={saved.is_default}>
              <p className={styles.addressText}>
                {saved.label && <strong>{saved.label}: </strong>}
                {oneLine(saved)}
              </p>
              <div className={styles.addressActions}>
                <AddressEditor
                  key={saved.updated_at}
                  saved={saved}
                  summary={
                    <>
                      Edit<span className="visually-hidden">: {oneLine(saved)}</span>
                    </>
                  }
                />
                {saved.is_default ? (
                  <span className="pill">Used at checkout</span>
                ) : (
                  <form action={makeCheckoutAddress}>
                    <input type="hidden" name="address_id" value={saved.id} />
                    <button type="submit" className="link-button">
                      Use at checkout<span className="visually-hidden">: {oneLine(saved)}</span>
                    </button>
                  </form>
                )}
                <form action={removeAddress}>
                  <input type="hidden" name="address_id" value={saved.id} />
                  <button type="submit" className="link-button">
                    Remove<span className="visually-hidden">: {oneLine(saved)}</span>
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
      <AddressEditor key={addresses.length} summary="Add an address" />
    </section>
  );
}
