import type { Category } from '@souk/sdk';

/**
 * The categories beside the one shown, as a row under its heading: on a category with
 * subcategories, "All <it>" and its subcategories; on one without, its parent's "All" and its
 * siblings. The one shown is marked. Nothing when it has neither (a top-level category on its own).
 */
export function CategoryNav({ categories, current }: { categories: readonly Category[]; current: Category }) {
  const children = categories.filter((c) => c.parent_id === current.id);
  const group = children.length > 0 ? current : categories.find((c) => c.id === current.parent_id);
  if (!group) return null;
  const members = children.length > 0 ? children : categories.filter((c) => c.parent_id === group.id);
  const item = (c: Category, label: string) => (
    <li key={c.id}>
      <a href={`/categories/${c.handle}`} aria-current={c.id === current.id ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav className="subcats" aria-label={`In ${group.name}`}>
      <ul>
        {item(group, `All ${group.name}`)}
        {members.map((c) => item(c, c.name))}
      </ul>
    </nav>
  );
}
