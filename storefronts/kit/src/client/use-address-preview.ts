'use client';

import type { Schemas } from '@souk/sdk';
import { useCallback } from 'react';
import { addressComplete, shippingAddressFields } from '../checkout-form';

/** An address's fields (read by `field`, from a form's data or an address), as one comparable string. */
function addressKey(field: (name: (typeof shippingAddressFields)[number]) => unknown): string {
  return JSON.stringify(shippingAddressFields.map((name) => String(field(name) ?? '').trim()));
}

/**
 * A ref for a checkout `<form>` that sends its fields to `preview` (a Server Action wrapping the kit's
 * `previewAddress`) whenever the address in it is complete and is not the one the cart has
 * (`cartAddress`, the cart's `shipping_address` as the page was drawn): once when the form opens with
 * another address (a saved one), then after every native `change` in the form (a text field left after
 * an edit, a country picked, a saved address chosen, which redraws the fields), a task later so a
 * redraw is in. So the summary beside the form shows that address's shipping, tax and total before the
 * order is placed. One send at a time: a change made meanwhile goes in one more send once it answers,
 * so the cart ends with the address as last typed.
 */
export function useAddressPreview(
  preview: (data: FormData) => Promise<unknown>,
  cartAddress: Schemas['ShippingAddress'] | null = null,
): (form: HTMLFormElement | null) => (() => void) | undefined {
  const priced = cartAddress ? addressKey((name) => cartAddress[name]) : '';
  return useCallback(
    (form: HTMLFormElement | null) => {
      if (!form) return undefined;
      let sent = priced;
      let running = false;
      let attached = true;
      const send = async () => {
        if (running) return;
        running = true;
        try {
          for (;;) {
            const data = new FormData(form);
            const key = addressKey((name) => data.get(name));
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
    [preview, priced],
  );
}
