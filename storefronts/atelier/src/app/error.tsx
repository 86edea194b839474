'use client';

/** Shown when a page fails to render (most often: the Souk API is unreachable). */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="page narrow" role="alert">
      <h1>Something went wrong</h1>
      <p>The shop could not load this page. Please try again in a moment.</p>
      <button type="button" className="btn" onClick={() => reset()}>
        Try again
      </button>
    </section>
  );
}
