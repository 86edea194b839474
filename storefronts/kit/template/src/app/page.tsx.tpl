import { formatMoney } from '@souk/storefront-kit';
import { store } from '@/lib/store';

export default async function HomePage() {
  const currency = await store.getCurrency();
  const page = await store.souk.store.products.list({ limit: 12, currency, sort: 'newest' });
  return (
    <>
      <h1>__TITLE__</h1>
      <ul className="grid">
        {page.data.map((product) => {
          const image = product.images[0];
          const props = image
            ? store.image(image, product.title, { sizes: '(max-width: 600px) 50vw, 25vw' })
            : null;
          return (
            <li key={product.id} data-testid="product-card">
              <a href={`/products/${product.handle}`}>
                {/* biome-ignore lint/performance/noImgElement: srcset from Souk's variants, computed by the kit. */}
                {props && <img {...props} alt={props.alt} loading="lazy" />}
                <span>{product.title}</span>
              </a>
              {product.price_range && <span> {formatMoney(product.price_range.min)}</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
