'use client';

import { useCallback } from 'react';
import { addressComplete, shippingAddressFields } from '../checkout-form';

/** The address fields of a form's data, as one comparable string. */
function addressKey(data: FormData): string {
  return JSON.stringify(shippingAddressFields.map((field) => String(data.get(field) ?? '').trim()));
}

/**
 * A ref for a checkout `<form>` that sends its fields to `preview` (a Server Action wrapping the kit's
 * `previewAddress`) whenever the address in it changed and is complete, and once when the form opens
 * already complete (a saved address), so the summary beside the form can show that address's
 * shipping, tax and total before the order is placed. It looks after every native `change` in the
 * form (a text field left after an edit, a country picked, a saved address chosen, which redraws the
 * fields), a task later so a redraw is in. One send at a time: a change made meanwhile goes in one
 * more send once it answers, so the cart ends with the address as last typed.
 */
export function useAddressPreview(
  preview: (data: FormData) => Promise<unknown>,
): (form: HTMLFormElement | null) => (() => void) | undefined {
  return useCallback(
    (form: HTMLFormElement | null) => {
      if (!form) return undefined;
      let sent = '';
      let running = false;
      let attached = true;
      const send = async () => {
        if (running) return;
        running = true;
        try {
          for (;;) {
            const data = new FormData(form);
            const key = addressKey(data);
            if (!attached || key === sent || !addressComplete(data)) break;
            sent = key;
            // A failed preview changes nothing the shopper relies on: the submit prices the order.
            await preview(data).catch(() => undefined);
          }
        } finally {
          running = false;
        }
      };
      const onChange = () => setTimeout(() => void send(), 0);
      form.addEventListener('change', onChange);
      void send();
      return () => {
        attached = false;
        form.removeEventListener('change', onChange);
      };
    },
    [preview],
  );
}
