import { getMainNavigation } from '@/lib/content';
import { store } from '@/lib/store';
import { AccountLink } from './AccountLink';
import { CurrencySwitcher } from './CurrencySwitcher';
import { MegaMenu } from './MegaMenu';
import { type MenuColumn, type MenuLink, MenuPanel } from './MenuPanel';
import { MiniCart } from './MiniCart';
import { SearchForm } from './SearchForm';

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

/** Every maker's page, by name: the menu's last column (none when the API cannot say). */
async function makers(): Promise<MenuLink[]> {
  const sellers = await store.getSellerOptions().catch(() => []);
  return sellers.map((s) => ({ name: s.name, href: `/makers/${s.handle}` }));
}

export async function SiteHeader() {
  const [{ edits, columns }, makerLinks] = await Promise.all([menu(), makers()]);
  return (
    <header className="header">
      <p className="header__note">
        <span>Free returns within 30 days</span> · <span>Each maker ships their own pieces</span>
      </p>
      <div className="header__bar">
        <MegaMenu>
          <MenuPanel edits={edits} columns={columns} makers={makerLinks} />
        </MegaMenu>
        <a href="/" className="header__logo" aria-label="Atelier, home">
          Atelier
        </a>
        <div className="header__tools">
          <SearchForm id="header-search" className="header__search" placeholder="Search" />
          <CurrencySwitcher currencies={store.config.currencies} />
          <AccountLink />
          <MiniCart />
        </div>
      </div>
    </header>
  );
}
