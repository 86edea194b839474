import 'server-only';
import { cookies } from 'next/headers';
import { config } from './config';
import { CURRENCY_COOKIE } from './cookies';

/** Normalises a currency code to one the store offers, falling back to the default (the first). */
export function supportedCurrency(value: string | undefined | null): string {
  const code = (value ?? '').toUpperCase();
  return config.currencies.includes(code) ? code : (config.currencies[0] ?? 'USD');
}

/** The buyer's currency, from the currency cookie. Reading it makes the page dynamic. */
export async function getCurrency(): Promise<string> {
  return supportedCurrency((await cookies()).get(CURRENCY_COOKIE)?.value);
}
