import { describe, expect, it } from 'vitest';
import {
  breadcrumbJsonLd,
  categoryCrumbs,
  categoryTrail,
  productBreadcrumbJsonLd,
  productCategoryCrumbs,
} from './breadcrumbs';

const categories = [
  { handle: 'home', name: 'Home', path: ['home'] },
  { handle: 'kitchen', name: 'Kitchen', path: ['home', 'kitchen'] },
  { handle: 'cookware', name: 'Cookware', path: ['home', 'kitchen', 'cookware'] },
  { handle: 'outdoor', name: 'Outdoor', path: ['outdoor'] },
  { handle: 'orphan', name: 'Orphan', path: ['gone', 'orphan'] },
];

describe('category trails', () => {
  it('run from the top category down to the one named', () => {
    expect(categoryTrail(categories, 'cookware').map((c) => c.name)).toEqual(['Home', 'Kitchen', 'Cookware']);
    expect(categoryTrail(categories, 'outdoor').map((c) => c.name)).toEqual(['Outdoor']);
  });

  it('are empty for an unknown handle, and skip an ancestor the list does not hold', () => {
    expect(categoryTrail(categories, 'nope')).toEqual([]);
    expect(categoryTrail(categories, 'orphan').map((c) => c.handle)).toEqual(['orphan']);
  });

  it('link each step to its category page, the handle escaped', () => {
    expect(categoryCrumbs([{ handle: 'kids & baby', name: 'Kids & baby' }])).toEqual([
      { name: 'Kids & baby', path: '/categories/kids%20%26%20baby' },
    ]);
  });
});

describe("a product's category crumbs", () => {
  it('hold its category and every ancestor', () => {
    expect(productCategoryCrumbs(categories, { handle: 'cookware', name: 'Cookware' })).toEqual([
      { name: 'Home', path: '/categories/home' },
      { name: 'Kitchen', path: '/categories/kitchen' },
      { name: 'Cookware', path: '/categories/cookware' },
    ]);
  });

  it('fall back to the category alone without the tree, and are empty without a category', () => {
    expect(productCategoryCrumbs([], { handle: 'cookware', name: 'Cookware' })).toEqual([
      { name: 'Cookware', path: '/categories/cookware' },
    ]);
    expect(productCategoryCrumbs(categories, null)).toEqual([]);
  });
});

describe('breadcrumb JSON-LD', () => {
  it('numbers the steps from 1 with absolute URLs, whatever the site URL ends with', () => {
    const trail = [
      { name: 'Shop', path: '/products' },
      { name: 'Cookware', path: '/categories/cookware' },
    ];
    const expected = {
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Shop', item: 'https://shop.example/products' },
        {
          '@type': 'ListItem',
          position: 2,
          name: 'Cookware',
          item: 'https://shop.example/categories/cookware',
        },
      ],
    };
    expect(breadcrumbJsonLd('https://shop.example', trail)).toEqual(expected);
    expect(breadcrumbJsonLd('https://shop.example/', trail)).toEqual(expected);
  });
});

describe("a product page's breadcrumb JSON-LD", () => {
  it('ends with the product at its canonical path', () => {
    const data = productBreadcrumbJsonLd('https://shop.example', [{ name: 'Shop', path: '/products' }], {
      title: 'Dutch oven',
      handle: 'dutch-oven',
    });
    expect(data.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Shop', item: 'https://shop.example/products' },
      {
        '@type': 'ListItem',
        position: 2,
        name: 'Dutch oven',
        item: 'https://shop.example/products/dutch-oven',
      },
    ]);
  });
});
