import Link from 'next/link';
import { getCategories } from '@/lib/souk';
import { AccountLink } from './AccountLink';
import { CartLink } from './CartLink';
import { CurrencySwitcher } from './CurrencySwitcher';

/** Top-level categories for the navigation; an unreachable API gives an empty nav, not a broken page. */
async function topCategories() {
  try {
    return (await getCategories()).filter((c) => c.depth === 0);
  } catch {
    return [];
  }
}

export async function SiteHeader({ currencies }: { currencies: readonly string[] }) {
  const categories = await topCategories();
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link href="/" className="site-header__logo">
          Bazaar
        </Link>
        <search className="search-form">
          <form action="/products" method="get">
            <label htmlFor="site-search" className="visually-hidden">
              Search products
            </label>
            <input id="site-search" name="q" type="search" placeholder="Search products" autoComplete="off" />
            <button type="submit">Search</button>
          </form>
        </search>
        <div className="site-header__tools">
          <CurrencySwitcher currencies={currencies} />
          <AccountLink />
          <CartLink />
        </div>
      </div>
      {categories.length > 0 && (
        <nav aria-label="Categories" className="container category-nav">
          <ul>
            <li>
              <Link href="/products">All products</Link>
            </li>
            {categories.map((c) => (
              <li key={c.id}>
                <Link href={`/categories/${c.handle}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
