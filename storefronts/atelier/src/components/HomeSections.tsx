import type { Category, Product } from '@souk/sdk';
import {
  contentImage,
  type Image,
  paragraphsOf,
  preloadLcpImage,
  sectionProductQuery,
} from '@souk/storefront-kit';
import { type BannerContent, getBanner, type HomeSection } from '@/lib/content';
import { store } from '@/lib/store';
import { ProductGrid } from './ProductCard';
import { QuickViewHost } from './QuickViewHost';

type Props = { section: HomeSection; id: string };

/** Paragraphs of a block's text (blank lines separate them). */
function Paragraphs({ text, className }: { text: string | undefined; className?: string }) {
  return paragraphsOf(text).map((p) => (
    <p key={p} className={className}>
      {p}
    </p>
  ));
}

/** A content or catalog picture, cropped by CSS to the block's frame. */
function Picture({
  image,
  className,
  sizes,
  lead,
}: {
  image: Image;
  className: string;
  sizes: string;
  lead: boolean;
}) {
  const props = store.image(image, '', { sizes });
  if (lead) preloadLcpImage(props);
  return (
    // biome-ignore lint/performance/noImgElement: srcset from Souk's variants, computed by the kit.
    <img
      className={className}
      {...props}
      alt={props.alt}
      loading={lead ? 'eager' : 'lazy'}
      fetchPriority={lead ? 'high' : 'auto'}
      decoding="async"
    />
  );
}

/**
 * The page's lead: the operator's words and picture (`image_url`), or, without a picture, the newest
 * piece's, linking to it. Its title is the page's `h1` when it comes first.
 */
async function Hero({ section, id, first }: Props & { first: boolean }) {
  const Heading = first ? 'h1' : 'h2';
  const picture = contentImage(section, { width: 1200, height: 1500 });
  const lead: Product | undefined = picture
    ? undefined
    : (await store.souk.store.products.list({ limit: 1, sort: 'newest' }).catch(() => null))?.data[0];
  const leadImage = lead?.images[0] ? { ...lead.images[0], alt: lead.images[0].alt || lead.title } : null;
  const sizes = '(max-width: 900px) 100vw, 50vw';
  return (
    <section className="hero" aria-labelledby={id}>
      <div className="hero__text">
        <Heading id={id}>{section.title ?? 'Atelier'}</Heading>
        <Paragraphs text={section.text} className="hero__lede" />
        <div className="hero__actions">
          {section.href && (
            <a href={section.href} className="btn">
              Shop new in
            </a>
          )}
          <a href="/products" className="btn btn--ghost">
            Browse everything
          </a>
        </div>
      </div>
      {picture ? (
        <div className="hero__media">
          <Picture image={picture} className="hero__img" sizes={sizes} lead={first} />
        </div>
      ) : (
        lead && (
          <a href={`/products/${lead.handle}`} className="hero__media">
            {leadImage ? (
              <Picture image={leadImage} className="hero__img" sizes={sizes} lead={first} />
            ) : (
              <div className="hero__img card__img--empty" />
            )}
            <span className="hero__caption">
              {lead.title} <span aria-hidden="true">→</span>
            </span>
          </a>
        )
      )}
    </section>
  );
}

/** A listing from the section's query; a query the API refuses (a deleted category) shows nothing. */
async function Products({ section, id, currency, lcp }: Props & { currency: string; lcp: boolean }) {
  const page = await store.souk.store.products
    .list(sectionProductQuery(section.query, currency))
    .catch(() => null);
  if (!page || page.data.length === 0) return null;
  return (
    <section className="band" aria-labelledby={id}>
      <div className="band__head">
        <h2 id={id}>{section.title ?? 'The edit'}</h2>
        {section.href && <a href={section.href}>See all</a>}
      </div>
      <ProductGrid products={page.data} priorityCount={lcp ? 2 : 0} />
    </section>
  );
}

function Feature({ banner, id }: { banner: BannerContent; id: string }) {
  const picture = contentImage(banner, { width: 1200, height: 900 });
  return (
    <section className={picture ? 'feature' : 'feature feature--plain'} aria-labelledby={id}>
      {picture && (
        <Picture
          image={picture}
          className="feature__img"
          sizes="(max-width: 900px) 100vw, 50vw"
          lead={false}
        />
      )}
      <div className="feature__text">
        <h2 id={id}>{banner.headline}</h2>
        <Paragraphs text={banner.text} />
        {banner.href && (
          <a href={banner.href} className="btn">
            Discover <span aria-hidden="true">→</span>
          </a>
        )}
      </div>
    </section>
  );
}

async function Banner({ section, id }: Props) {
  const banner = section.banner_key ? await getBanner(section.banner_key) : null;
  return banner ? <Feature banner={banner} id={id} /> : null;
}

function CategoryIndex({ section, id, categories }: Props & { categories: Category[] }) {
  const top = categories.filter((c) => c.depth === 0);
  if (top.length === 0) return null;
  return (
    <section className="band band--tint" aria-labelledby={id}>
      <div className="band__head">
        <h2 id={id}>{section.title ?? 'Browse the shop'}</h2>
      </div>
      <ol className="index">
        {top.map((c, i) => (
          <li key={c.id}>
            <a href={`/categories/${c.handle}`}>
              <span className="index__no">{String(i + 1).padStart(2, '0')}</span>
              <span className="index__name">{c.name}</span>
              <span className="index__count">
                {categories.filter((child) => child.parent_id === c.id).length} collections
              </span>
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The home page's sections in the operator's order (content `atelier/home/main`); one that cannot be
 * drawn (a missing banner, an empty listing) is left out.
 */
export async function HomeSections({ sections, currency }: { sections: HomeSection[]; currency: string }) {
  const categories = sections.some((s) => s.type === 'categories')
    ? await store.getCategories().catch(() => [])
    : [];
  const firstProducts = sections.findIndex((s) => s.type === 'products');
  return (
    <>
      {sections[0]?.type !== 'hero' && <h1 className="visually-hidden">Atelier</h1>}
      {/* One quick view for every card of the page's product sections. */}
      {firstProducts >= 0 && <QuickViewHost />}
      {sections.map((section, i) => {
        const id = `home-section-${i}`;
        switch (section.type) {
          case 'hero':
            return <Hero key={id} id={id} section={section} first={i === 0} />;
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
          case 'categories':
            return <CategoryIndex key={id} id={id} section={section} categories={categories} />;
          case 'text':
            return (
              <section key={id} className="band prose" aria-labelledby={section.title ? id : undefined}>
                {section.title && <h2 id={id}>{section.title}</h2>}
                <Paragraphs text={section.text} />
              </section>
            );
          default:
            return null;
        }
      })}
    </>
  );
}
