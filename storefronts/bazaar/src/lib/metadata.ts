import type { Metadata } from 'next';
import { type ListingState, listingHref } from './listing';

/**
 * Metadata of a listing page: the canonical URL is the normalised listing URL (filters in a fixed
 * order, nothing unknown), so every way of reaching the same results names one URL.
 */
export function listingMetadata(
  path: string,
  state: ListingState,
  fixed: Partial<ListingState>,
  title: string,
  description: string,
): Metadata {
  const canonical = listingHref(path, state, fixed);
  return {
    title,
    description,
    alternates: { canonical },
    openGraph: { title, description, url: canonical, type: 'website' },
    // Deep filter combinations are for people, not for the index.
    robots: state.cursor || state.min || state.max ? { index: false, follow: true } : undefined,
  };
}
