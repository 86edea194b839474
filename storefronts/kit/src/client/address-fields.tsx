'use client';

import { CountrySelect } from './country-select';
import { Field, type FieldProps } from './field';

/**
 * The fields of a postal address (name, two lines, postal code and city, region and country, phone),
 * named as the API's address body names them, so a `validation_failed` error lands on its field.
 * Used by checkout forms and address books; the caller wraps them in its own `<fieldset>` and legend.
 * `idPrefix` keeps ids unique on a page with several address forms. Themes style `.field` and
 * `.field-row` (two fields side by side on wide screens); the region and country row is also
 * `.field-row--region`, whose optional label is long beside a country list on a phone.
 */
export function AddressFields({ state, idPrefix = '' }: { state: FieldProps['state']; idPrefix?: string }) {
  const field = { state, idPrefix };
  return (
    <>
      <Field name="name" label="Full name" autoComplete="name" {...field} />
      <Field name="line1" label="Address" autoComplete="address-line1" {...field} />
      <Field
        name="line2"
        label="Apartment, suite, etc."
        autoComplete="address-line2"
        required={false}
        {...field}
      />
      <div className="field-row">
        <Field name="postal_code" label="Postal code" autoComplete="postal-code" {...field} />
        <Field name="city" label="City" autoComplete="address-level2" {...field} />
      </div>
      <div className="field-row field-row--region">
        <Field
          name="region"
          label="State / region"
          autoComplete="address-level1"
          required={false}
          {...field}
        />
        <CountrySelect id={`${idPrefix}country`} value={state.values.country} />
      </div>
      <Field name="phone" label="Phone" type="tel" autoComplete="tel" required={false} {...field} />
    </>
  );
}
