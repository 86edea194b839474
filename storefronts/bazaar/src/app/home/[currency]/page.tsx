import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HomeSections } from '@/components/HomeSections';
import { config } from '@/lib/config';
import { getHome } from '@/lib/content';
import { store } from '@/lib/store';

/**
 * The home page is static per currency and regenerated at most once a minute (ISR): `src/proxy.ts`
 * serves `/` from `/home/{currency}` of the buyer's currency cookie, so the page reads no cookie and a
 * phone gets prerendered HTML instead of waiting for the API on every visit.
 */
export const revalidate = 60;

type Params = { currency: string };

export const metadata: Metadata = {
  alternates: { canonical: '/' },
  openGraph: { url: '/', title: 'Bazaar — a Souk marketplace' },
};

/** Prerenders every currency when the API answers at build time; otherwise each renders on first visit. */
export const generateStaticParams = store.currencyParams;

/** The home page: the operator's sections (content `home/main`, see HomeSections), then the sellers. */
export default async function HomePage({ params }: { params: Promise<Params> }) {
  const currency = (await params).currency.toUpperCase();
  if (!config.currencies.includes(currency)) notFound();
  const [home, sellers] = await Promise.all([getHome(), store.getSellerOptions()]);
  return (
    <>
      <HomeSections sections={home.sections} currency={currency} />

      {sellers.length > 0 && (
        <section aria-labelledby="sellers-title" className="section">
          <h2 id="sellers-title">Meet the sellers</h2>
          <ul className="chips">
            {sellers.map((s) => (
              <li key={s.id}>
                <a href={`/sellers/${s.handle}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
