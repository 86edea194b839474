/** A renamed product is still found by its old handles, until another product takes one. */
import { describe, expect, it } from 'vitest';
import { graphql } from '../../../test/support/graphql.js';
import { createPublished, type SellerProduct } from '../../../test/support/seller-catalog.js';
import { testApiForFile } from '../../../test/support/test-api.js';
import type { components } from '../../generated/openapi.js';

type Product = components['schemas']['Product'];

const api = testApiForFile();

const rename = async (id: string, handle: string) => {
  const res = await api.request<SellerProduct>('PATCH', `/seller/products/${id}`, { json: { handle } });
  expect(res.status).toBe(200);
  return res.body;
};

/** Who `GET /store/products/{key}` finds: the product's id and current handle, or its status. */
const found = async (key: string) => {
  const res = await api.get<Product>(`/store/products/${key}?currency=USD`);
  return res.status === 200 ? { id: res.body.id, handle: res.body.handle } : res.status;
};

describe('old handles of a renamed product', () => {
  it('finds the product by every handle it had, with its current one in the body; reviews too', async () => {
    const p = await createPublished(api);
    const first = p.handle;
    await rename(p.id, `${first}-b`);
    await rename(p.id, `${first}-c`);
    const now = { id: p.id, handle: `${first}-c` };
    expect(await found(first)).toEqual(now);
    expect(await found(`${first}-b`)).toEqual(now);
    expect(await found(`${first}-c`)).toEqual(now);
    expect((await api.get(`/store/products/${first}/reviews`)).status).toBe(200);
    const viaGraphql = await graphql<{ product: { id: string; handle: string } | null }>(api, {
      query: 'query($key: String!) { product(idOrHandle: $key) { id handle } }',
      variables: { key: first },
    });
    expect(viaGraphql.body.data?.product).toEqual(now);
    expect(await found(`${first}-never`)).toBe(404);
    expect((await api.get(`/store/products/${first}-never/reviews`)).status).toBe(404);

    // Back to the first handle: it is live again, and the one left is an old handle.
    await rename(p.id, first);
    expect(await found(first)).toEqual({ id: p.id, handle: first });
    expect(await found(`${first}-c`)).toEqual({ id: p.id, handle: first });
  });

  it('gives an old handle up to a product that takes it, and keeps it hidden with its product', async () => {
    const a = await createPublished(api);
    const old = a.handle;
    await rename(a.id, `${old}-moved`);
    // Another product takes the old handle: the handle is its own, even as a draft.
    const b = await createPublished(api);
    await rename(b.id, old);
    expect(await found(old)).toEqual({ id: b.id, handle: old });
    expect((await api.request('POST', `/seller/products/${b.id}/unpublish`)).status).toBe(200);
    expect(await found(old)).toBe(404);
    // It moves on: the old handle is now b's, and leads to b's new handle once b is published again.
    await rename(b.id, `${old}-b`);
    expect((await api.request('POST', `/seller/products/${b.id}/publish`)).status).toBe(200);
    expect(await found(old)).toEqual({ id: b.id, handle: `${old}-b` });

    // An unpublished or deleted product is not found by its old handles either.
    expect((await api.request('POST', `/seller/products/${b.id}/unpublish`)).status).toBe(200);
    expect(await found(old)).toBe(404);
    expect((await api.request('DELETE', `/seller/products/${a.id}`)).status).toBe(204);
    expect(await found(`${old}-moved`)).toBe(404);
    // A handle taken by a new product is no one's old handle any more, even once that product is gone.
    const c = await createPublished(api);
    await rename(c.id, `${c.handle}-2`);
    const d = await createPublished(api, { handle: c.handle });
    expect(await found(c.handle)).toEqual({ id: d.id, handle: c.handle });
    expect((await api.request('DELETE', `/seller/products/${d.id}`)).status).toBe(204);
    expect(await found(c.handle)).toBe(404);

    const rows = await api.db.container.database.db
      .selectFrom('product_old_handles')
      .select('handle')
      .where('product_id', '=', a.id)
      .execute();
    expect(rows).toEqual([]);
  });
});
