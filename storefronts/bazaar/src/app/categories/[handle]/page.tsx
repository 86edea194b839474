import {
  breadcrumbJsonLd,
  categoryCrumbs,
  categoryTrail,
  jsonLdString,
  listingMetadata,
  parseListing,
} from '@souk/storefront-kit';
import { redirectEmptyFields } from '@souk/storefront-kit/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ProductListing } from '@/components/ProductListing';
import { getCategories } from '@/lib/souk';
import { store } from '@/lib/store';

type Props = {
  params: Promise<{ handle: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function findCategory(handle: string) {
  return (await getCategories()).find((c) => c.handle === handle);
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { handle } = await params;
  const category = await findCategory(handle);
  if (!category) return { title: 'Category not found' };
  const state = parseListing(await searchParams, { category: handle });
  const description = `Shop ${category.name} from independent sellers on Bazaar.`;
  return listingMetadata(`/categories/${handle}`, state, { category: handle }, category.name, description);
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { handle } = await params;
  const categories = await getCategories();
  const category = categories.find((c) => c.handle === handle);
  if (!category) notFound();
  const fixed = { category: handle };
  const raw = await searchParams;
  redirectEmptyFields(`/categories/${handle}`, raw);
  const state = parseListing(raw, fixed);
  // All products, then the category's ancestors and itself; the last is the page, not a link. Not
  // "Home": the demo's first category is called Home, and Home › Home › Kitchen reads as a slip.
  const crumbs = [
    { name: 'All products', path: '/products' },
    ...categoryCrumbs(categoryTrail(categories, handle)),
  ];
  const children = categories.filter((c) => c.parent_id === category.id);
  return (
    <>
      <script type="application/ld+json">
        {jsonLdString(breadcrumbJsonLd(store.config.siteUrl, crumbs))}
      </script>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          {crumbs.slice(0, -1).map((crumb) => (
            <li key={crumb.path}>
              <a href={crumb.path}>{crumb.name}</a>
            </li>
          ))}
          <li aria-current="page">{category.name}</li>
        </ol>
      </nav>
      {children.length > 0 && (
        <ul className="chips" aria-label={`Categories in ${category.name}`}>
          {children.map((c) => (
            <li key={c.id}>
              <a href={`/categories/${c.handle}`}>{c.name}</a>
            </li>
          ))}
        </ul>
      )}
      <ProductListing path={`/categories/${handle}`} state={state} fixed={fixed} heading={category.name} />
    </>
  );
}
