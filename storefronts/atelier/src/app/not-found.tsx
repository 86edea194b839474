import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

/**
 * A missing page (or piece) says so and offers ways on: a search box of its own (a phone's header has
 * none) and the whole collection. Nothing here reads the API: the page for an unknown path is
 * rendered once, when the theme is built, and a build needs no API.
 */
export default function NotFound() {
  return (
    <section className="page narrow">
      <p className="eyebrow">404</p>
      <h1>This page has wandered off.</h1>
      <p>We could not find what you were looking for. Search the shop, or browse the whole collection.</p>
      <search className="lost__search">
        <form action="/products" method="get">
          <label htmlFor="lost-search" className="visually-hidden">
            Search the shop
          </label>
          <input id="lost-search" name="q" type="search" autoComplete="off" placeholder="Search pieces" />
          <button type="submit" className="btn">
            Search
          </button>
        </form>
      </search>
      <a href="/products" className="btn btn--ghost">
        Browse the collection
      </a>
    </section>
  );
}
