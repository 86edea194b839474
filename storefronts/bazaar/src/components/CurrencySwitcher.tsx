'use client';

import { useCookie } from '@souk/storefront-kit/client';
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { setCurrency } from '@/app/actions/currency';
import { CURRENCY_COOKIE } from '@/lib/cookies';

function ReturnTo() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return <input type="hidden" name="return_to" value={search ? `${pathname}?${search}` : pathname} />;
}

/**
 * Picks the display currency. A plain form posting to a Server Action, so it works without JavaScript;
 * with JavaScript it submits as soon as the selection changes.
 */
export function CurrencySwitcher({ currencies }: { currencies: readonly string[] }) {
  const current = useCookie(CURRENCY_COOKIE) ?? currencies[0] ?? 'USD';
  return (
    <form action={setCurrency} className="currency-switcher">
      <label htmlFor="currency-select">Currency</label>
      <select
        id="currency-select"
        name="currency"
        key={current}
        defaultValue={current}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
      >
        {currencies.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <Suspense fallback={<input type="hidden" name="return_to" value="/" />}>
        <ReturnTo />
      </Suspense>
      <noscript>
        <button type="submit">Apply</button>
      </noscript>
    </form>
  );
}
