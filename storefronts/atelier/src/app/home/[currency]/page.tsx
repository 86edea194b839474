import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HomeSections } from '@/components/HomeSections';
import { getHome } from '@/lib/content';
import { store } from '@/lib/store';

/**
 * Static per currency, regenerated at most once a minute (ISR): `src/proxy.ts` serves `/` from
 * `/home/{currency}` of the buyer's currency cookie, so the page reads no cookie.
 */
export const revalidate = 60;

type Params = { currency: string };

export const metadata: Metadata = {
  alternates: { canonical: '/' },
  openGraph: { url: '/', title: 'Atelier — objects from independent makers' },
};

/** Prerenders every currency when the API answers at build time; otherwise each renders on first visit. */
export const generateStaticParams = store.currencyParams;

/** The home page: the operator's sections (content `atelier/home/main`, see HomeSections). */
export default async function HomePage({ params }: { params: Promise<Params> }) {
  const currency = (await params).currency.toUpperCase();
  if (!store.config.currencies.includes(currency)) notFound();
  return <HomeSections sections={(await getHome()).sections} currency={currency} />;
}
