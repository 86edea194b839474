import { getMainNavigation } from '@/lib/content';
import { AccountLink } from './AccountLink';
import { CartLink } from './CartLink';
import { CurrencySwitcher } from './CurrencySwitcher';
import { SearchBox } from './SearchBox';

/** The header: logo, search, currency and cart, then the main navigation (content `navigation/main`). */
export async function SiteHeader({ currencies }: { currencies: readonly string[] }) {
  const links = await getMainNavigation();
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <a href="/" className="site-header__logo">
          Bazaar
        </a>
        <SearchBox />
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
