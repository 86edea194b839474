import type { Metadata } from 'next';
import Link from 'next/link';
import { ProductGrid } from '@/components/ProductCard';
import { store } from '@/lib/store';

export const metadata: Metadata = {
  alternates: { canonical: '/' },
  openGraph: { url: '/', title: 'Atelier — objects from independent makers' },
};

export default async function HomePage() {
  const currency = await store.getCurrency();
  const [categories, newest] = await Promise.all([
    store.getCategories(),
    store.souk.store.products.list({ limit: 9, currency, sort: 'newest' }),
  ]);
  const top = categories.filter((c) => c.depth === 0);
  const [lead] = newest.data;
  const leadImage = lead?.images[0]
    ? store.image(lead.images[0], lead.title, { sizes: '(max-width: 900px) 100vw, 50vw' })
    : null;
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero__text">
          <p className="eyebrow">The winter edit</p>
          <h1 id="hero-title">Made slowly, by hand, by people you can name.</h1>
          <p className="hero__lede">
            A considered collection from independent makers. Every piece ships from the workshop that made it;
            you check out once.
          </p>
          <div className="hero__actions">
            <Link href="/products?sort=newest" className="btn">
              Shop new in
            </Link>
            <Link href="/products" className="btn btn--ghost">
              Browse everything
            </Link>
          </div>
        </div>
        {lead && (
          <Link href={`/products/${lead.handle}`} className="hero__media" prefetch={false}>
            {leadImage ? (
              // biome-ignore lint/performance/noImgElement: srcset from Souk's variants, computed by the kit.
              <img
                className="hero__img"
                {...leadImage}
                alt={leadImage.alt}
                fetchPriority="high"
                decoding="async"
              />
            ) : (
              <div className="hero__img card__img--empty" />
            )}
            <span className="hero__caption">
              {lead.title} <span aria-hidden="true">→</span>
            </span>
          </Link>
        )}
      </section>

      <section className="band" aria-labelledby="edit-title">
        <div className="band__head">
          <h2 id="edit-title">Just in</h2>
          <Link href="/products?sort=newest">See all new pieces</Link>
        </div>
        <ProductGrid products={newest.data.slice(1, 9)} priorityCount={2} />
      </section>

      <section className="band band--tint" aria-labelledby="cats-title">
        <div className="band__head">
          <h2 id="cats-title">Browse by room and ritual</h2>
        </div>
        <ol className="index">
          {top.map((c, i) => (
            <li key={c.id}>
              <Link href={`/categories/${c.handle}`}>
                <span className="index__no">{String(i + 1).padStart(2, '0')}</span>
                <span className="index__name">{c.name}</span>
                <span className="index__count">
                  {categories.filter((child) => child.parent_id === c.id).length} collections
                </span>
              </Link>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
