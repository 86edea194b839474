import { describe, expect, it } from 'vitest';
import { buildDemoCatalog } from './demo-catalog.js';
import { DEMO_KINDS } from './demo-kinds.js';
import { demoShape } from './demo-shapes.js';
import { DEMO_CATEGORIES, type DemoCategory } from './demo-words.js';

const nounsOf = (c: DemoCategory): string[] => [...(c.nouns ?? []), ...(c.children ?? []).flatMap(nounsOf)];
const NOUNS = DEMO_CATEGORIES.flatMap(nounsOf);
const nounOf = (title: string) =>
  [...NOUNS].sort((a, b) => b.length - a.length).find((n) => title.endsWith(n)) ?? '';

describe('demo catalog words', () => {
  const catalog = buildDemoCatalog(500);

  it('makes every product of a material its kind is made of, and says so in a sentence', () => {
    for (const product of catalog.products) {
      const noun = nounOf(product.title);
      const { material } = JSON.parse(String(product.attributes)) as { material: string };
      expect(
        DEMO_KINDS[noun]?.materials.map((m) => m.toLowerCase()),
        `${product.title}`,
      ).toContain(material);
      expect(product.title).toContain(` ${material.replace(/^./, (c) => c.toUpperCase())} ${noun}`);
      // "An organic …", never "A organic …"; "a pair of chinos", never "a chinos".
      expect(product.description).toMatch(/^(An [aeiou]|A [^aeiou])/);
      expect(product.description).not.toMatch(/\ba (chinos|pyjamas|headphones|earbuds)\b/i);
      expect(product.description).not.toMatch(/made of recycled\./);
    }
  });

  it('gives every product a title of its own: a listing never shows two alike', () => {
    const titles = catalog.products.map((p) => p.title);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
  });

  it("varies each kind of product by an option of its own size as its category's", () => {
    const leaves = (c: DemoCategory): DemoCategory[] => [
      ...(c.nouns ? [c] : []),
      ...(c.children ?? []).flatMap(leaves),
    ];
    for (const leaf of DEMO_CATEGORIES.flatMap(leaves))
      for (const noun of leaf.nouns ?? []) {
        const own = DEMO_KINDS[noun]?.option;
        if (own) expect(own.values.length, noun).toBe(leaf.option?.values.length);
      }
    const caseOption = catalog.options.find((o) =>
      catalog.products.some((p) => p.id === o.product_id && p.title.endsWith('Phone Case')),
    );
    expect(caseOption?.name).toBe('Color');
  });

  it('prices each product within what its kind costs', () => {
    for (const product of catalog.products) {
      const [low, high] = DEMO_KINDS[nounOf(product.title)]?.price ?? [0, 0];
      const first = catalog.variants.find((v) => v.product_id === product.id && v.position === 0);
      const usd = catalog.prices.find((p) => p.variant_id === first?.id && p.currency === 'USD');
      expect(usd?.amount, product.title).toBeGreaterThanOrEqual(low * 100 - 1);
      expect(usd?.amount, product.title).toBeLessThanOrEqual(high * 100 - 1);
    }
  });

  it('gives each product two different qualities', () => {
    for (const product of catalog.products) {
      const { features } = JSON.parse(String(product.attributes)) as { features: string[] };
      expect(new Set(features).size, product.title).toBe(2);
    }
  });

  it('draws every kind of product as itself: one silhouette per noun, none shared', () => {
    for (const noun of NOUNS) {
      expect(DEMO_KINDS[noun]?.materials, noun).toBeDefined();
      expect(DEMO_KINDS[noun]?.price, noun).toBeDefined();
      expect(demoShape(`Classic Cotton ${noun}`), noun).toBeDefined();
    }
    const drawn = new Set(NOUNS.map((noun) => JSON.stringify(demoShape(`Classic ${noun}`))));
    expect(drawn.size).toBe(NOUNS.length);
    // The longest noun wins: a T-shirt is not drawn as a shirt.
    expect(demoShape('Urban Cotton T-Shirt')).not.toEqual(demoShape('Urban Cotton Shirt'));
  });
});
