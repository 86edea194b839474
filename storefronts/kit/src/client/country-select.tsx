'use client';

import { countries } from '../checkout-form';

/**
 * The labelled country picker of address forms: the countries the demo marketplace has tax rates for,
 * United States first when nothing is chosen. Themes style `.field`.
 */
export function CountrySelect({ id = 'country', value }: { id?: string; value?: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={id}>Country</label>
      <select id={id} name="country" autoComplete="country" defaultValue={value || 'US'}>
        {countries.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
