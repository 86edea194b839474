import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/test-api.js';
import type { Problem } from '../../errors.js';
import type { components } from '../../generated/openapi.js';
import { buildDemoCatalog } from '../../seed/demo-catalog.js';
import { demoContent } from '../../seed/demo-content.js';
import { demoProfiles } from '../../seed/demo-profiles.js';
import { eventsOf } from '../events/index.js';
import { seedContent, seedSellerProfiles } from './content.seed.js';

type S = components['schemas'];

describe('content', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const home = {
    sections: [
      { type: 'hero', title: 'Winter market', text: 'Handmade, from 40 sellers', href: '/c/home' },
      { type: 'products', title: 'Best rated', query: { sort: 'rating', limit: 8 } },
    ],
  };

  it('keeps a draft away from storefronts until it is published, then serves the published version', async () => {
    const path = '/admin/content/bazaar/home/main';
    expect((await api.get<Problem>('/store/content/bazaar/home/main')).status).toBe(404);
    const saved = await api.request<S['ContentDocument']>('PUT', path, { json: { data: home } });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, published: null, published_version: null });
    expect((await api.get('/store/content/bazaar/home/main')).status).toBe(404);

    const published = await api.request<S['ContentDocument']>('POST', `${path}/publish`);
    expect(published.body).toMatchObject({ version: 1, published_version: 1, published: home });
    const store = await api.get<S['StoreContent']>('/store/content/bazaar/home/main');
    expect(store.body).toMatchObject({ theme: 'bazaar', kind: 'home', key: 'main', data: home });

    // A new draft does not change what shoppers see until it is published too.
    const next = { sections: [{ type: 'text', text: 'Closed for inventory' }] };
    await api.request('PUT', path, { json: { data: next } });
    expect((await api.get<S['StoreContent']>('/store/content/bazaar/home/main')).body.data).toEqual(home);
    await api.request('POST', `${path}/publish`);
    expect((await api.get<S['StoreContent']>('/store/content/bazaar/home/main')).body.data).toEqual(next);
    const events = await eventsOf(api.db.container.database.db, 'bazaar:home:main');
    expect(events.map((e) => [e.type, e.seller_id])).toEqual([
      ['content.published', null],
      ['content.published', null],
    ]);
  });

  it('refuses data of another kind, and lists a theme’s documents', async () => {
    const wrong = await api.request<Problem>('PUT', '/admin/content/bazaar/navigation/main', {
      json: { data: home },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('validation_failed');
    const nav = {
      items: [{ label: 'Shop', href: '/products', children: [{ label: 'Home', href: '/c/home' }] }],
    };
    await api.request('PUT', '/admin/content/bazaar/navigation/main', { json: { data: nav } });
    await api.request('PUT', '/admin/content/bazaar/page/about', {
      json: { data: { title: 'About', body: '# Us' } },
    });
    const list = await api.get<S['ContentDocumentList']>('/admin/content/bazaar');
    expect(list.body.data.map((d) => `${d.kind}/${d.key}`)).toEqual([
      'home/main',
      'navigation/main',
      'page/about',
    ]);
    expect((await api.get<S['ContentDocumentList']>('/admin/content/other')).body.data).toEqual([]);
    expect((await api.get('/store/content/bazaar/page/about', { key: 'sk_demo_operator' })).status).toBe(403);
  });

  it('lets a seller write its page, which the store shows with the seller and its rating', async () => {
    const empty = await api.get<S['SellerProfile']>('/seller/profile', { key: 'sk_demo_seller_1' });
    expect(empty.body).toEqual({ story: '', policies: {}, links: [] });
    const profile = {
      story: 'Outfitting hikers since 1998.',
      policies: { shipping: 'Ships in 2 days', returns: '30 days' },
      links: [{ label: 'Instagram', url: 'https://instagram.com/atlas' }],
    };
    const saved = await api.request<S['SellerProfile']>('PUT', '/seller/profile', {
      key: 'sk_demo_seller_1',
      json: profile,
    });
    expect(saved.body).toEqual(profile);
    const page = await api.get<S['SellerPage']>('/store/sellers/atlas-outfitters/page');
    expect(page.status).toBe(200);
    expect(page.body.seller.handle).toBe('atlas-outfitters');
    expect(page.body.profile).toEqual(profile);
    expect(page.body.rating).toEqual({
      average: null,
      count: 0,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    });
    const other = await api.get<S['SellerProfile']>('/seller/profile', { key: 'sk_demo_seller_2' });
    expect(other.body.story).toBe('');
    const [event] = await eventsOf(api.db.container.database.db, page.body.seller.id);
    expect(event).toMatchObject({ type: 'seller_profile.updated', seller_id: page.body.seller.id });
  });

  it('seeds the demo content published, valid for the spec, and never over an operator’s edits', async () => {
    // Other theme names than the tests above, so their documents and these never meet.
    const images = { catalog: buildDemoCatalog(60), publicUrl: 'http://localhost:4000/media' };
    const docs = demoContent(images).map((d) => ({ ...d, theme: `seeded-${d.theme}` }));
    // Hero and banner pictures are Souk's own demo media, never an outside host.
    const pictures = JSON.stringify(docs).match(/"image_url":"[^"]+"/g) ?? [];
    expect(pictures.length).toBe(4);
    for (const p of pictures) expect(p).toMatch(/"image_url":"http:\/\/localhost:4000\/media\/products\//);
    // Each is a picture media serves: of a published product of an active seller.
    const { products, sellers } = images.catalog;
    for (const p of pictures) {
      const product = products.find((row) => p.includes(`/products/${row.id}/`));
      expect(product?.status).toBe('published');
      expect(sellers.find((s) => s.id === product?.seller_id)?.status).toBe('active');
    }
    const { documents } = api.db.container;
    expect(await seedContent(documents, docs)).toBe(docs.length);
    // The store responses are checked against the spec: the seeded data has the shapes of its kinds.
    const home = await api.get<S['StoreContent']>('/store/content/seeded-atelier/home/main');
    expect(home.status).toBe(200);
    expect(home.body.data).toEqual(docs.find((d) => d.theme === 'seeded-atelier' && d.kind === 'home')?.data);
    const nav = await api.get<S['StoreContent']>('/store/content/seeded-bazaar/navigation/main');
    expect(nav.status).toBe(200);
    const banner = await api.get<S['StoreContent']>('/store/content/seeded-bazaar/banner/weekend-outdoors');
    expect(banner.status).toBe(200);

    const edited = { items: [{ label: 'Sale', href: '/products?sort=price_asc' }] };
    await api.request('PUT', '/admin/content/seeded-bazaar/navigation/main', { json: { data: edited } });
    await api.request('POST', '/admin/content/seeded-bazaar/navigation/main/publish');
    expect(await seedContent(documents, docs)).toBe(0);
    const after = await api.get<S['StoreContent']>('/store/content/seeded-bazaar/navigation/main');
    expect(after.body.data).toEqual(edited);
  });

  it('seeds a demo seller’s page when the seller has none, and never over the seller’s own', async () => {
    const seller = await api.get<S['Seller']>('/store/sellers/pixel-forge');
    const profiles = demoProfiles([seller.body]);
    expect(profiles).toHaveLength(1);
    const { documents } = api.db.container;
    expect(await seedSellerProfiles(documents, profiles)).toBe(1);
    // Checked against the spec by the test client: the seeded profile has the page's shape.
    const page = await api.get<S['SellerPage']>('/store/sellers/pixel-forge/page');
    expect(page.status).toBe(200);
    expect(page.body.profile.story).toContain('Pixel Forge makes cases');
    expect(page.body.profile.policies.warranty).toBe('Two years on everything we make.');

    const own = { story: 'Our own words.', policies: {}, links: [] };
    await api.request('PUT', '/seller/profile', { key: 'sk_demo_seller_3', json: own });
    expect(await seedSellerProfiles(documents, profiles)).toBe(0);
    expect((await api.get<S['SellerPage']>('/store/sellers/pixel-forge/page')).body.profile).toEqual(own);
  });
});
