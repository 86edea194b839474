import { Link } from '@souk/storefront-kit/client';
import { getMainNavigation } from '@/lib/content';
import { store } from '@/lib/store';
import { CurrencySwitcher } from './CurrencySwitcher';
import { MegaMenu, type MenuColumn, type MenuLink } from './MegaMenu';
import { MiniCart } from './MiniCart';

/**
 * The menu from content `navigation/main`: links with children are columns, the others go in the
 * "Edits" column.
 */
async function menu(): Promise<{ edits: MenuLink[]; columns: MenuColumn[] }> {
  const items = await getMainNavigation();
  return {
    edits: items.filter((i) => !i.children?.length).map((i) => ({ name: i.label, href: i.href })),
    columns: items
      .filter((i) => i.children?.length)
      .map((i) => ({
        name: i.label,
        href: i.href,
        children: (i.children ?? []).map((c) => ({ name: c.label, href: c.href })),
      })),
  };
}

export async function SiteHeader() {
  const { edits, columns } = await menu();
  return (
    <header className="header">
      <p className="header__note">Free returns within 30 days · Each maker ships their own pieces</p>
      <div className="header__bar">
        <MegaMenu edits={edits} columns={columns} />
        <Link href="/" className="header__logo" aria-label="Atelier, home" prefetch={false}>
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
