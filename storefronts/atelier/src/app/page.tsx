import type { Metadata } from 'next';
import { HomeSections } from '@/components/HomeSections';
import { getHome } from '@/lib/content';
import { store } from '@/lib/store';

export const metadata: Metadata = {
  alternates: { canonical: '/' },
  openGraph: { url: '/', title: 'Atelier — objects from independent makers' },
};

/** The home page: the operator's sections (content `atelier/home/main`, see HomeSections). */
export default async function HomePage() {
  const [currency, home] = await Promise.all([store.getCurrency(), getHome()]);
  return <HomeSections sections={home.sections} currency={currency} />;
}
