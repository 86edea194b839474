'use client';

import { cookieNames } from '@souk/storefront-kit';
import { useCookie } from '@souk/storefront-kit/client';
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { setCurrency } from '@/app/actions/currency';

const cookie = cookieNames('atelier').currency;

function ReturnTo() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return <input type="hidden" name="return_to" value={search ? `${pathname}?${search}` : pathname} />;
}

/** The display currency: a plain form (works without JavaScript), submitted on change with it. */
export function CurrencySwitcher({ currencies }: { currencies: readonly string[] }) {
  const current = useCookie(cookie) ?? currencies[0] ?? 'USD';
  return (
    <form action={setCurrency} className="currency">
      <label htmlFor="currency-select" className="visually-hidden">
        Currency
      </label>
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
