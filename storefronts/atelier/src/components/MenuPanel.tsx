import { SearchForm } from './SearchForm';

/** A link of the menu. */
export interface MenuLink {
  name: string;
  href: string;
}

/** A top-level category and its children: one column of the menu. */
export interface MenuColumn extends MenuLink {
  children: MenuLink[];
}

/** A column of links under a heading that is not a link itself; nothing when there are none. */
function LinkColumn({ heading, links }: { heading: string; links: MenuLink[] }) {
  if (links.length === 0) return null;
  return (
    <div className="menu__column">
      <p className="menu__heading">{heading}</p>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href}>{link.name}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The mega-menu's contents, a Server Component: the search form, a column per top-level category and
 * the makers.
 * Plain anchors, not `next/link`: these links need no script, and a page no longer hydrates one
 * client component per category (most of the menu's share of a phone's main-thread time).
 */
export function MenuPanel({
  edits,
  columns,
  makers,
}: {
  edits: MenuLink[];
  columns: MenuColumn[];
  makers: MenuLink[];
}) {
  return (
    <>
      <SearchForm id="menu-search" className="menu__search" placeholder="Search the shop" />
      <div className="menu__columns">
        <LinkColumn heading="Edits" links={edits} />
        {columns.map((col) => (
          <div key={col.href} className="menu__column">
            <a href={col.href} className="menu__heading">
              {col.name}
            </a>
            <ul>
              {col.children.map((c) => (
                <li key={c.href}>
                  <a href={c.href}>{c.name}</a>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <LinkColumn heading="Makers" links={makers} />
      </div>
    </>
  );
}
