import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <section className="narrow">
      <h1>Page not found</h1>
      <p>We could not find what you were looking for.</p>
      <a href="/products" className="button button--primary">
        Browse products
      </a>
    </section>
  );
}
