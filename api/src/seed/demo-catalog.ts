import type { Insertable } from 'kysely';
import { ulid } from 'ulid';
import type { Database } from '../db/schema.js';
import { fromBytes, type IdPrefix } from '../lib/ids.js';
import { createPrng, type Prng } from '../lib/prng.js';
import { DEMO_KINDS } from './demo-kinds.js';
import {
  ADJECTIVES,
  DEMO_CATEGORIES,
  DEMO_SELLERS,
  type DemoCategory,
  MATERIALS,
  QUALITIES,
} from './demo-words.js';

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

export interface DemoCatalog {
  sellers: Rows<'sellers'>;
  categories: Rows<'categories'>;
  products: Rows<'products'>;
  options: Rows<'product_options'>;
  variants: Rows<'variants'>;
  prices: Rows<'variant_prices'>;
}

/** Demo time starts here; product i is created i minutes later, so "newest" order is stable. */
const EPOCH = Date.UTC(2026, 0, 1);
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
/** A price ending in 99 minor units, as shops do. */
const price99 = (n: number) => Math.max(99, Math.round(n / 100) * 100 - 1);

/**
 * Builds the demo catalog deterministically (same rows, same ids on every machine): 5 sellers
 * (3 active, 1 pending, 1 suspended), 22 categories, `productCount` products with 3–4 variants
 * each, priced in USD and (for 9 products in 10) EUR. Every 25th product is a draft.
 */
export function buildDemoCatalog(productCount = 500, seed = 20260101): DemoCatalog {
  const rnd = createPrng(seed);
  const id = (prefix: IdPrefix, time: number) => `${prefix}_${ulid(time, fromBytes(rnd.bytes(10)))}`;
  const out: DemoCatalog = {
    sellers: [],
    categories: [],
    products: [],
    options: [],
    variants: [],
    prices: [],
  };

  for (const [i, s] of DEMO_SELLERS.entries()) {
    const at = new Date(EPOCH - (DEMO_SELLERS.length - i) * 86_400_000);
    out.sellers.push({ id: id('sel', at.getTime()), ...s, created_at: at, updated_at: at });
  }

  const leaves: Leaf[] = [];
  const addCategory = (
    category: DemoCategory,
    parentId: string | null,
    rank: number,
    qualities = category.qualities,
  ) => {
    const categoryId = id('cat', EPOCH);
    out.categories.push({
      id: categoryId,
      handle: category.handle,
      name: category.name,
      parent_id: parentId,
      rank,
    });
    if (category.nouns) leaves.push({ id: categoryId, category, qualities });
    for (const [r, child] of (category.children ?? []).entries())
      addCategory(child, categoryId, r, child.qualities ?? qualities);
  };
  for (const [r, c] of DEMO_CATEGORIES.entries()) addCategory(c, null, r);

  const titles = new Set<string>();
  for (let i = 0; i < productCount; i++) addProduct(out, rnd, id, leaves, titles, i);
  return out;
}

/** A leaf category, with the qualities of the top-level category it is under. */
interface Leaf {
  id: string;
  category: DemoCategory;
  qualities: string[] | undefined;
}

/**
 * `picked` (drawn from `all`) moved into `list`, the same draw always to the same word. Mapping a
 * draw rather than drawing from `list` keeps the generator's sequence, so every other word, id and
 * price of the catalog stays as it was.
 */
function within(list: readonly string[] | undefined, all: readonly string[], picked: string): string {
  if (!list || list.length === 0) return picked;
  return list[all.indexOf(picked) % list.length] as string;
}

/** Nouns that take "a pair of". */
const PAIRS = new Set(['Chinos', 'Pyjamas', 'Headphones', 'Earbuds']);

function addProduct(
  out: DemoCatalog,
  rnd: Prng,
  id: (prefix: IdPrefix, time: number) => string,
  leaves: Leaf[],
  /** Titles of the products added so far. */
  titles: Set<string>,
  i: number,
): void {
  const leaf = rnd.pick(leaves);
  const noun = rnd.pick(leaf.category.nouns ?? ['Item']);
  const kind = DEMO_KINDS[noun];
  const material = within(kind?.materials, MATERIALS, rnd.pick(MATERIALS));
  // A title already in the catalog takes the next adjective instead: a shop listing two "Everyday
  // Linen Dress" reads as a mistake. Mapped, not drawn again, so the generator's sequence is kept.
  const adjective = rnd.pick(ADJECTIVES);
  let title = `${adjective} ${material} ${noun}`;
  for (let step = 1; titles.has(title) && step < ADJECTIVES.length; step++)
    title = `${ADJECTIVES[(ADJECTIVES.indexOf(adjective) + step) % ADJECTIVES.length]} ${material} ${noun}`;
  titles.add(title);
  const q1 = within(leaf.qualities, QUALITIES, rnd.pick(QUALITIES));
  let q2 = within(leaf.qualities, QUALITIES, rnd.pick(QUALITIES));
  if (q2 === q1 && leaf.qualities)
    q2 = leaf.qualities[(leaf.qualities.indexOf(q1) + 1) % leaf.qualities.length] as string;
  const madeOf = material === 'Recycled' ? 'recycled materials' : material.toLowerCase();
  const created = new Date(EPOCH + i * 60_000);
  const productId = id('prod', created.getTime());
  const handle = `${slug(title)}-${i + 1}`;
  // Sellers 0-2 are active; a few products belong to the pending and suspended ones (never shown).
  const seller = out.sellers[i % 50 === 7 ? 3 : i % 50 === 13 ? 4 : i % 3];
  out.products.push({
    id: productId,
    handle,
    title,
    description: `${/^[aeiou]/.test(q1) ? 'An' : 'A'} ${q1}, ${q2} ${PAIRS.has(noun) ? 'pair of ' : ''}${noun.toLowerCase()} made of ${madeOf}. Built to last and easy to care for.`,
    seller_id: seller?.id ?? '',
    category_id: leaf.id,
    status: i % 25 === 24 ? 'draft' : 'published',
    // JSON columns take serialised JSON: pg would send a JS array as a PostgreSQL array literal.
    attributes: JSON.stringify({
      material: material.toLowerCase(),
      features: [q1, q2],
      warranty_years: rnd.int(1, 5),
    }),
    // Rendered offline per product by attachDemoImages when the seed has somewhere to store them.
    images: '[]',
    created_at: created,
    updated_at: created,
  });

  const option = kind?.option ??
    leaf.category.option ?? {
      name: 'Style',
      values: ['Standard', 'Deluxe', 'Limited', 'Travel'],
    };
  const count = Math.min(option.values.length, 3 + (rnd.next() < 0.3 ? 1 : 0));
  const start = rnd.int(0, option.values.length - count);
  const values = option.values.slice(start, start + count);
  out.options.push({
    id: id('opt', created.getTime()),
    product_id: productId,
    name: option.name,
    values,
    position: 0,
  });

  // The draws of the first demo catalogs ($5–400, a step of $0–15 between variants), placed in what
  // this kind of product costs: the same draws, so nothing else in the catalog moves.
  const [low, high] = kind?.price ?? [5, 400];
  const scale = (high - low) / 395;
  const base = Math.round(low + (rnd.int(5, 400) - 5) * scale) * 100;
  const euroToo = i % 10 !== 3;
  values.forEach((value, position) => {
    const variantId = id('var', created.getTime());
    out.variants.push({
      id: variantId,
      product_id: productId,
      sku: `${slug(noun).toUpperCase().slice(0, 6)}-${String(i + 1).padStart(4, '0')}-${position + 1}`,
      title: value,
      options: JSON.stringify({ [option.name]: value }),
      // One variant in eight is sold out, so stock states show up in the demo.
      inventory_quantity: rnd.next() < 0.125 ? 0 : rnd.int(1, 60),
      position,
      created_at: created,
    });
    const usd = price99(base + position * Math.round(rnd.int(0, 15) * scale) * 100);
    out.prices.push({ variant_id: variantId, product_id: productId, currency: 'USD', amount: usd });
    if (euroToo)
      out.prices.push({
        variant_id: variantId,
        product_id: productId,
        currency: 'EUR',
        amount: price99(usd * 0.92),
      });
  });
}
