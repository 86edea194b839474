import { Link } from '@souk/storefront-kit/client';
import type { Metadata } from 'next';
import { HomeSections } from '@/components/HomeSections';
import { getHome } from '@/lib/content';
import { getCurrency } from '@/lib/currency';
import { getSellerOptions } from '@/lib/sellers';

export const metadata: Metadata = {
  alternates: { canonical: '/' },
  openGraph: { url: '/', title: 'Bazaar — a Souk marketplace' },
};

/** The home page: the operator's sections (content `home/main`, see HomeSections), then the sellers. */
export default async function HomePage() {
  const currency = await getCurrency();
  const [home, sellers] = await Promise.all([getHome(), getSellerOptions()]);
  return (
    <>
      <HomeSections sections={home.sections} currency={currency} />

      {sellers.length > 0 && (
        <section aria-labelledby="sellers-title" className="section">
          <h2 id="sellers-title">Meet the sellers</h2>
          <ul className="chips">
            {sellers.map((s) => (
              <li key={s.id}>
                <Link href={`/sellers/${s.handle}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
