import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/support/eventually.js';
import { graphql } from '../../test/support/graphql.js';
import { startTestApi, type TestApi } from '../../test/support/test-api.js';
import type { components } from '../generated/openapi.js';

type Schemas = components['schemas'];
let api: TestApi;
beforeAll(async () => {
  // Cached as the catalog is, and dropped at the next look at the outbox (every 50 ms here).
  api = await startTestApi({ env: { CATALOG_CACHE_TTL_MS: '60000', CATALOG_CACHE_POLL_MS: '50' } });
}, 120_000);
afterAll(async () => api?.close());

interface SellerPageAnswer {
  seller: {
    handle: string;
    profile: {
      story: string;
      policies: { shipping: string | null; returns: string | null; warranty: string | null };
      links: { label: string; url: string }[];
    };
    rating: { average: number | null; count: number; distribution: Record<string, number> };
  } | null;
}
const SELLER_PAGE = `query($handle: String!) { seller(idOrHandle: $handle) {
  handle profile { story policies { shipping returns warranty } links { label url } }
  rating { average count distribution } } }`;

describe("a seller's page in GraphQL", () => {
  it('is REST’s `/store/sellers/{handle}/page`: empty until written, then the seller’s words once the cache sees the change', async () => {
    const ask = () =>
      graphql<SellerPageAnswer>(api, { query: SELLER_PAGE, variables: { handle: 'pixel-forge' } });
    const empty = await ask();
    expect(empty.body.errors).toBeUndefined();
    expect(empty.body.data?.seller?.profile).toEqual({
      story: '',
      policies: { shipping: null, returns: null, warranty: null },
      links: [],
    });

    const written = {
      story: 'Cases and **stands**, drawn and tested on our own bench.',
      policies: { shipping: 'Next working day.', warranty: 'Two years.' },
      links: [{ label: 'Workshop', url: 'https://example.com/workshop' }],
    };
    const saved = await api.request('PUT', '/seller/profile', { key: 'sk_demo_seller_3', json: written });
    expect(saved.status).toBe(200);
    const rest = await api.get<Schemas['SellerPage']>('/store/sellers/pixel-forge/page');
    // The empty answer was cached; the profile's event reaches the outbox and the next poll drops it.
    expect(
      await eventually(async () => (await ask()).body.data?.seller?.profile.story === written.story, 2_000),
    ).toBe(true);
    const after = await ask();
    expect(after.body.errors).toBeUndefined();
    const seller = after.body.data?.seller;
    expect(seller?.profile).toEqual({
      ...rest.body.profile,
      policies: { returns: null, ...rest.body.profile.policies },
    });
    expect(seller?.profile.story).toBe(written.story);
    expect(seller?.rating).toEqual(rest.body.rating);
  });
});
