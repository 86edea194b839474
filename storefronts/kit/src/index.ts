/**
 * `@souk/storefront-kit`: the parts of a Souk storefront that do not depend on a theme's look.
 * This entry is isomorphic (server and browser); `@souk/storefront-kit/server` holds the cart,
 * the Souk client and the Server Action bodies, `@souk/storefront-kit/client` the browser hooks,
 * `@souk/storefront-kit/sign-in` the Firebase sign-in flows and `@souk/storefront-kit/proxy` what a
 * theme's `src/proxy.ts` does (currency rewrites, the CSRF cookie).
 */
export * from './address-form';
export * from './attributes';
export * from './breadcrumbs';
export * from './checkout-form';
export * from './content';
export * from './cookies';
export * from './customers';
export * from './dates';
export * from './images';
export * from './listing';
export * from './loopback';
export * from './money';
export * from './preload';
export * from './problems';
export * from './proxy';
export * from './related';
export { crossesZero, productPagePaths, REVALIDATING_EVENTS } from './revalidation';
export * from './reviews';
export * from './sellers';
export * from './seo';
export * from './seo-pages';
export * from './suggestions';
export * from './variants';
