import { formatPriceRange } from '@souk/storefront-kit';
import { store } from '@/lib/store';

export default async function HomePage() {
  const currency = await store.getCurrency();
  const page = await store.souk.store.products.list({ limit: 12, currency, sort: 'newest' });
  return (
    <>
      <h1>New arrivals</h1>
      <ul className="grid">
        {page.data.map((product, i) => {
          const image = product.images[0];
          // Two columns on a phone, up to four 260 px ones on a desktop (see .grid in globals.css).
          const props = image
            ? store.image(image, product.title, {
                sizes: '(max-width: 500px) 50vw, (max-width: 1100px) 33vw, 260px',
              })
            : null;
          return (
            <li key={product.id} className="card" data-testid="product-card">
              <a href={`/products/${product.handle}`}>
                {/* The first row loads at once; the rest when scrolled near. */}
                {/* biome-ignore lint/performance/noImgElement: srcset from Souk's variants, computed by the kit. */}
                {props && <img {...props} alt={props.alt} loading={i < 4 ? 'eager' : 'lazy'} />}
                <span className="card__title">{product.title}</span>
              </a>
              <span className="muted">
                {formatPriceRange(product.price_range) ?? 'Not sold in this currency'}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
