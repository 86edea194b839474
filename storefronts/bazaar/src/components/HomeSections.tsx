import type { Category } from '@souk/sdk';
import { contentImage, paragraphsOf, sectionProductQuery } from '@souk/storefront-kit';
import { type BannerContent, getBanner, type HomeSection } from '@/lib/content';
import { getCategories, souk } from '@/lib/souk';
import { ProductGrid } from './ProductCard';
import { ProductImage } from './ProductImage';

type Props = {
  section: HomeSection;
  /** Unique per page: the section's heading id. */
  id: string;
};

/** Paragraphs of a section's text (blank lines separate them). */
function Paragraphs({ text }: { text: string | undefined }) {
  return paragraphsOf(text).map((p) => <p key={p}>{p}</p>);
}

/** The page's lead: its title is the page's `h1` when it comes first. */
function Hero({ section, id, first }: Props & { first: boolean }) {
  const Heading = first ? 'h1' : 'h2';
  const picture = contentImage(section, { width: 1200, height: 900 });
  return (
    <section className={picture ? 'hero hero--media' : 'hero'} aria-labelledby={id} data-testid="home-hero">
      <div className="hero__text">
        <Heading id={id}>{section.title ?? 'Bazaar'}</Heading>
        <Paragraphs text={section.text} />
        {section.href && (
          <a href={section.href} className="button button--primary">
            {section.href === '/products' ? 'Browse all products' : 'Shop now'}
          </a>
        )}
      </div>
      {picture && (
        // The page's largest picture when it leads the page: fetched first, never lazily. On a phone it
        // is the viewport less the container's and the hero's padding (2 × 1rem + 2 × 1.5rem up to
        // 480 px, less beyond): `100vw` asked a 412 px phone at DPR 1.75 for the 960 px variant where
        // 640 covers the 332 px it is drawn at.
        <ProductImage
          image={picture}
          fallbackAlt=""
          priority={first}
          sizes="(max-width: 720px) calc(100vw - 5rem), 420px"
          className="hero__img"
        />
      )}
    </section>
  );
}

function CategoryTiles({ section, id, categories }: Props & { categories: Category[] }) {
  const top = categories.filter((c) => c.depth === 0);
  if (top.length === 0) return null;
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>{section.title ?? 'Shop by category'}</h2>
      <ul className="category-tiles">
        {top.map((c) => (
          <li key={c.id}>
            <a href={`/categories/${c.handle}`}>
              <span className="category-tiles__name">{c.name}</span>
              <span className="category-tiles__count">
                {categories.filter((child) => child.parent_id === c.id).length} subcategories
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A listing from the section's query; a query the API refuses (a deleted category) shows nothing. */
async function Products({ section, id, currency, lcp }: Props & { currency: string; lcp: boolean }) {
  const page = await souk.store.products.list(sectionProductQuery(section.query, currency)).catch(() => null);
  if (!page || page.data.length === 0) return null;
  return (
    <section aria-labelledby={id} className="section" data-testid="home-products">
      <div className="section__head">
        <h2 id={id}>{section.title ?? 'Products'}</h2>
        {section.href && <a href={section.href}>See all</a>}
      </div>
      <ProductGrid products={page.data} priorityCount={lcp ? 2 : 0} />
    </section>
  );
}

function BannerBlock({ banner, id }: { banner: BannerContent; id: string }) {
  const picture = contentImage(banner, { width: 1200, height: 800 });
  return (
    <section
      className={picture ? 'promo promo--media' : 'promo'}
      aria-labelledby={id}
      data-testid="home-banner"
    >
      {picture && (
        <ProductImage
          image={picture}
          fallbackAlt=""
          sizes="(max-width: 720px) 100vw, 320px"
          className="promo__img"
        />
      )}
      <div className="promo__text">
        <h2 id={id}>{banner.headline}</h2>
        <Paragraphs text={banner.text} />
      </div>
      {banner.href && (
        <a href={banner.href} className="button promo__cta">
          Shop now <span aria-hidden="true">→</span>
        </a>
      )}
    </section>
  );
}

async function Banner({ section, id }: Props) {
  const banner = section.banner_key ? await getBanner(section.banner_key) : null;
  return banner ? <BannerBlock banner={banner} id={id} /> : null;
}

function Text({ section, id }: Props) {
  return (
    <section className="section prose" aria-labelledby={section.title ? id : undefined}>
      {section.title && <h2 id={id}>{section.title}</h2>}
      <Paragraphs text={section.text} />
    </section>
  );
}

/**
 * The home page's sections in the operator's order (content `home/main`). Each kind of section reads
 * what it needs; one that cannot be drawn (a missing banner, an empty listing) is left out.
 */
export async function HomeSections({ sections, currency }: { sections: HomeSection[]; currency: string }) {
  const categories = sections.some((s) => s.type === 'categories')
    ? await getCategories().catch(() => [])
    : [];
  const firstProducts = sections.findIndex((s) => s.type === 'products');
  return (
    <>
      {sections[0]?.type !== 'hero' && <h1 className="visually-hidden">Bazaar</h1>}
      {sections.map((section, i) => {
        const id = `home-section-${i}`;
        switch (section.type) {
          case 'hero':
            return <Hero key={id} id={id} section={section} first={i === 0} />;
          case 'categories':
            return <CategoryTiles key={id} id={id} section={section} categories={categories} />;
          case 'products':
            return (
              <Products
                key={id}
                id={id}
                section={section}
                currency={currency}
                // Under a leading hero the cards start below a phone's first screen: they load lazily,
                // and the hero is the page's largest element.
                lcp={i === firstProducts && sections[0]?.type !== 'hero'}
              />
            );
          case 'banner':
            return <Banner key={id} id={id} section={section} />;
          case 'text':
            return <Text key={id} id={id} section={section} />;
          default:
            return null;
        }
      })}
    </>
  );
}
