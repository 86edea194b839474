import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <section className="page narrow">
      <p className="eyebrow">404</p>
      <h1>This page has wandered off.</h1>
      <p>We could not find what you were looking for.</p>
      <a href="/products" className="btn">
        Browse the collection
      </a>
    </section>
  );
}
