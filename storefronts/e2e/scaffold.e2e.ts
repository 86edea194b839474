import { it } from 'vitest';
import { isScaffolded, scaffoldedSmoke } from './scaffolded';

// The journey `npm run theme:new` writes for a new theme (home → product → add to cart → cart), run on
// the theme it scaffolded (see scaffolded.ts). Its tests register here, as this file's own.
if (isScaffolded()) await import(scaffoldedSmoke);
else
  it.skip('runs when the e2e setup scaffolded a theme (STOREFRONT_E2E_THEMES without "scaffolded")', () => {});
