import { seo } from '@/lib/seo';

// Read per request: the catalog changes, and the build has no API to read.
export const dynamic = 'force-dynamic';

/** /sitemap.xml: home, listing, categories, makers and products at their canonical URLs; nothing private. */
export default seo.sitemap;
