import { SearchQueryInput } from '@souk/storefront-kit/client';
import { getMainNavigation } from '@/lib/content';
import { AccountLink } from './AccountLink';
import { CartLink } from './CartLink';
import { CurrencySwitcher } from './CurrencySwitcher';

/** The header: logo, search, currency and cart, then the main navigation (content `navigation/main`). */
export async function SiteHeader({ currencies }: { currencies: readonly string[] }) {
  const links = await getMainNavigation();
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <a href="/" className="site-header__logo">
          Bazaar
        </a>
        <search className="search-form">
          <form action="/products" method="get">
            <label htmlFor="site-search" className="visually-hidden">
              Search products
            </label>
            <SearchQueryInput id="site-search" placeholder="Search products" autoComplete="off" />
            <button type="submit">Search</button>
          </form>
        </search>
        <div className="site-header__tools">
          <CurrencySwitcher currencies={currencies} />
          <AccountLink />
          <CartLink />
        </div>
      </div>
      {links.length > 0 && (
        // A one-line scrolling bar: Bazaar shows the top level only (submenus are for wider themes).
        <nav aria-label="Categories" className="container category-nav" data-testid="main-nav">
          <ul>
            {links.map((link) => (
              <li key={`${link.href} ${link.label}`}>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
