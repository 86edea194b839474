import {
  breadcrumbJsonLd,
  categoryCrumbs,
  categoryTrail,
  jsonLdString,
  listingMetadata,
  parseListing,
  type RawParams,
} from '@souk/storefront-kit';
import { redirectEmptyFields } from '@souk/storefront-kit/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CategoryNav } from '@/components/CategoryNav';
import { Listing } from '@/components/Listing';
import { store } from '@/lib/store';

type Props = { params: Promise<{ handle: string }>; searchParams: Promise<RawParams> };

async function category(handle: string) {
  const all = await store.getCategories();
  const found = all.find((c) => c.handle === decodeURIComponent(handle));
  return found ? { all, found, parent: all.find((c) => c.id === found.parent_id) } : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { handle } = await params;
  const c = await category(handle);
  if (!c) return { title: 'Not found' };
  const fixed = { category: c.found.handle };
  return listingMetadata(
    `/categories/${c.found.handle}`,
    parseListing(await searchParams, fixed),
    fixed,
    c.found.name,
    `${c.found.name} from independent makers on Atelier.`,
  );
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { handle } = await params;
  const c = await category(handle);
  if (!c) notFound();
  const fixed = { category: c.found.handle };
  const path = `/categories/${c.found.handle}`;
  const raw = await searchParams;
  redirectEmptyFields(path, raw);
  const crumbs = [
    { name: 'Shop', path: '/products' },
    ...categoryCrumbs(categoryTrail(c.all, c.found.handle)),
  ];
  return (
    <>
      <script type="application/ld+json">
        {jsonLdString(breadcrumbJsonLd(store.config.siteUrl, crumbs))}
      </script>
      <Listing
        path={path}
        state={parseListing(raw, fixed)}
        fixed={fixed}
        eyebrow={c.parent ? <a href={`/categories/${c.parent.handle}`}>{c.parent.name}</a> : 'Category'}
        heading={c.found.name}
        about={<CategoryNav categories={c.all} current={c.found} />}
      />
    </>
  );
}
