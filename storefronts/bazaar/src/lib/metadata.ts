// Moved to the storefront kit; this module keeps the old import path working.
export { listingMetadata } from '@souk/storefront-kit';
