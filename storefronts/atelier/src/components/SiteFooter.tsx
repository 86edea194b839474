import { Link } from '@souk/storefront-kit/client';

export function SiteFooter() {
  return (
    <footer className="footer">
      <div className="footer__inner">
        <p className="footer__logo">Atelier</p>
        <p>Objects from independent makers. Every maker ships their own pieces; you check out once.</p>
        <nav aria-label="Footer">
          <ul>
            <li>
              <Link href="/products">Shop all</Link>
            </li>
            <li>
              <Link href="/products?sort=newest">New in</Link>
            </li>
            <li>
              <Link href="/cart">Your bag</Link>
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
