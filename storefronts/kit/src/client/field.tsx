'use client';

import type { FormProblem } from '../problems';

export interface FieldProps {
  /** The API body field it fills (`postal_code`), so a `validation_failed` error lands on it. */
  name: string;
  label: string;
  /** The form's state: the value to show again and the API's error for this field, if any. */
  state: { values: Partial<Record<string, string>>; problem?: FormProblem };
  /** Prefixes the element ids, for a page with several forms of the same fields. */
  idPrefix?: string;
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
export function Field({
  name,
  label,
  state,
  type = 'text',
  autoComplete,
  required = true,
  idPrefix = '',
}: FieldProps) {
  const error = state.problem?.fields[name];
  const id = `${idPrefix}${name}`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {!required && <span className="muted"> (optional)</span>}
      </label>
      <input
        id={id}
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
