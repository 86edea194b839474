import Link from 'next/link';
import { store } from '@/lib/store';
import { CurrencySwitcher } from './CurrencySwitcher';
import { MegaMenu, type MenuColumn } from './MegaMenu';
import { MiniCart } from './MiniCart';

/** The category tree as mega-menu columns; an unreachable API gives an empty menu, not a broken page. */
async function menuColumns(): Promise<MenuColumn[]> {
  try {
    const categories = await store.getCategories();
    return categories
      .filter((c) => c.depth === 0)
      .map((top) => ({
        name: top.name,
        href: `/categories/${top.handle}`,
        children: categories
          .filter((c) => c.parent_id === top.id)
          .map((c) => ({ name: c.name, href: `/categories/${c.handle}` })),
      }));
  } catch {
    return [];
  }
}

export async function SiteHeader() {
  const columns = await menuColumns();
  return (
    <header className="header">
      <p className="header__note">Free returns within 30 days · Each maker ships their own pieces</p>
      <div className="header__bar">
        <MegaMenu columns={columns} />
        <Link href="/" className="header__logo" aria-label="Atelier, home">
          Atelier
        </Link>
        <div className="header__tools">
          <search className="header__search">
            <form action="/products" method="get">
              <label htmlFor="header-search" className="visually-hidden">
                Search the shop
              </label>
              <input id="header-search" name="q" type="search" placeholder="Search" autoComplete="off" />
            </form>
          </search>
          <CurrencySwitcher currencies={store.config.currencies} />
          <MiniCart />
        </div>
      </div>
    </header>
  );
}
