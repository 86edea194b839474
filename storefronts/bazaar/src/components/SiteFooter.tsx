export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          Bazaar is the reference storefront theme of <a href="https://github.com/souk-commerce/souk">Souk</a>
          , built on <code>@souk/sdk</code>. Payments use the test provider: no money moves.
        </p>
      </div>
    </footer>
  );
}
