'use client';

// Moved to the storefront kit; this module keeps the old import path working.
export { useCookie } from '@souk/storefront-kit/client';
