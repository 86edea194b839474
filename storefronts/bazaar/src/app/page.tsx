import type { Metadata } from 'next';
import Link from 'next/link';
import { ProductGrid } from '@/components/ProductCard';
import { getCurrency } from '@/lib/currency';
import { getSellerOptions } from '@/lib/sellers';
import { getCategories, souk } from '@/lib/souk';

export const metadata: Metadata = {
  alternates: { canonical: '/' },
  openGraph: { url: '/', title: 'Bazaar — a Souk marketplace' },
};

export default async function HomePage() {
  const currency = await getCurrency();
  const [categories, newest, sellers] = await Promise.all([
    getCategories(),
    souk.store.products.list({ limit: 8, currency, sort: 'newest' }),
    getSellerOptions(),
  ]);
  const top = categories.filter((c) => c.depth === 0);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Independent sellers, one cart.</h1>
        <p>Shop from every seller on Bazaar and check out once — each seller ships their part.</p>
        <Link href="/products" className="button button--primary">
          Browse all products
        </Link>
      </section>

      <section aria-labelledby="categories-title" className="section">
        <h2 id="categories-title">Shop by category</h2>
        <ul className="category-tiles">
          {top.map((c) => (
            <li key={c.id}>
              <Link href={`/categories/${c.handle}`}>
                <span className="category-tiles__name">{c.name}</span>
                <span className="category-tiles__count">
                  {categories.filter((child) => child.parent_id === c.id).length} subcategories
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="new-title" className="section">
        <div className="section__head">
          <h2 id="new-title">New arrivals</h2>
          <Link href="/products?sort=newest">See all</Link>
        </div>
        <ProductGrid products={newest.data} priorityCount={4} />
      </section>

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
