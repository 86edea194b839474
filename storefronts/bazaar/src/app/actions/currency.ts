'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { config } from '@/lib/config';
import { CURRENCY_COOKIE, publicCookie } from '@/lib/cookies';
import { supportedCurrency } from '@/lib/currency';

/** Only same-site paths: never redirect to another origin (`//evil.example` or `/\evil`). */
function safePath(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '/';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

/** Stores the picked currency and reloads the page the buyer was on. */
export async function setCurrency(formData: FormData): Promise<void> {
  const currency = supportedCurrency(String(formData.get('currency') ?? ''));
  (await cookies()).set(CURRENCY_COOKIE, currency, publicCookie(config.secureCookies));
  // A listing cursor belongs to the old price filters' currency; start the listing over.
  const target = new URL(safePath(formData.get('return_to')), 'http://x');
  target.searchParams.delete('cursor');
  redirect(`${target.pathname}${target.search}`);
}
