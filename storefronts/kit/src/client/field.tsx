'use client';

import type { CheckoutField, CheckoutState } from '../checkout-form';

export interface FieldProps {
  name: CheckoutField;
  label: string;
  /** The form's state: the value to show again and the API's error for this field, if any. */
  state: CheckoutState;
  type?: string;
  autoComplete?: string;
  required?: boolean;
}

/**
 * A labelled checkout input whose API validation error (a `validation_failed` field error) is shown
 * under it and linked with `aria-invalid` / `aria-describedby`. An optional field's label ends in
 * "(optional)" (class `muted`), so its accessible name says so too. Themes style `.field`,
 * `.field__error` and `.muted`.
 */
export function Field({ name, label, state, type = 'text', autoComplete, required = true }: FieldProps) {
  const error = state.problem?.fields[name];
  const errorId = `${name}-error`;
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {!required && <span className="muted"> (optional)</span>}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        defaultValue={state.values[name] ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
