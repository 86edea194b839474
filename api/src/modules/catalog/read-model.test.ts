import { describe, expect, it } from 'vitest';
import { fillStock, joinProducts, stockTemplateBytes } from './read-model.js';

const PLACE = '"available_quantity" : "<stock>"';
/** A stored body with two variants, a title outside ASCII and a description that quotes the member's name. */
const body = `{"id" : "prod_1", "title" : "Café crème – ☕", "description" : "says \\"available_quantity\\"", "variants" : [{"id" : "v1", ${PLACE}}, {"id" : "v2", ${PLACE}}]}`;
const plain = `{"id" : "prod_2", "variants" : [{"id" : "v3", ${PLACE}}]}`;

describe('the stored JSON as bytes', () => {
  it('cuts a body where the stock goes, as views of one buffer of its own', () => {
    const parts = stockTemplateBytes(body);
    expect(parts).toHaveLength(3);
    expect(parts.map((part) => part.toString()).join(PLACE)).toBe(body);
    // Not a slice of Node's shared pool: the body's memory goes when its pieces go.
    const buffers = new Set(parts.map((part) => part.buffer));
    expect(buffers.size).toBe(1);
    expect([...buffers][0]?.byteLength).toBe(Buffer.byteLength(body));
  });

  it('joins products into the bytes of the text fillStock gives, stock in variant order', () => {
    const products = [
      { parts: stockTemplateBytes(body), stock: [7, 0] },
      { parts: stockTemplateBytes(plain), stock: [123456] },
    ];
    const bytes = joinProducts('{"data":[', products, '],"next_cursor":null}');
    const text = `{"data":[${fillStock(body, [7, 0])},${fillStock(plain, [123456])}],"next_cursor":null}`;
    expect(bytes.equals(Buffer.from(text))).toBe(true);
    expect(
      JSON.parse(bytes.toString()).data[0].variants.map(
        (v: { available_quantity: number }) => v.available_quantity,
      ),
    ).toEqual([7, 0]);
    expect(joinProducts('{"data":[', [], ']}').toString()).toBe('{"data":[]}');
  });

  it('refuses a body whose stock places and variants differ (an out-of-date read model)', () => {
    expect(() => joinProducts('', [{ parts: stockTemplateBytes(body), stock: [1] }], '')).toThrow(
      'product read model has 2 variants, the variants table 1',
    );
  });
});
