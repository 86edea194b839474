export function SiteFooter() {
  return (
    <footer className="footer">
      <div className="footer__inner">
        <p className="footer__logo">Atelier</p>
        <p>Objects from independent makers. Every maker ships their own pieces; you check out once.</p>
        <nav aria-label="Footer">
          <ul>
            <li>
              <a href="/products">Shop all</a>
            </li>
            <li>
              <a href="/products?sort=newest">New in</a>
            </li>
            <li>
              <a href="/cart">Your bag</a>
            </li>
          </ul>
        </nav>
        <p className="footer__small">
          A Souk storefront theme. Payments run on a test provider: no money moves.
        </p>
      </div>
    </footer>
  );
}
