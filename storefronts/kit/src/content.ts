/** A home page's products section, as far as its listing goes (the spec's `ContentSection.query`). */
export interface ProductsSectionQuery {
  category?: string;
  seller?: string;
  sort?: 'newest' | 'price_asc' | 'price_desc' | 'rating';
  limit?: number;
}

/**
 * The `GET /store/products` parameters of a home page's products section: its own query, newest first
 * and 8 products unless it says otherwise, in the buyer's currency.
 */
export function sectionProductQuery(query: ProductsSectionQuery | undefined, currency: string) {
  const { category, seller, sort, limit } = query ?? {};
  return {
    currency,
    limit: limit ?? 8,
    sort: sort ?? 'newest',
    ...(category ? { category } : {}),
    ...(seller ? { seller } : {}),
  };
}

/** The paragraphs of a content block's text: blank lines separate them; empty ones are dropped. */
export function paragraphsOf(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
