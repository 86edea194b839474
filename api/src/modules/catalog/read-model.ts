/**
 * How the read model's stored JSON stands for each variant's stock: `product_document(id, currency,
 * false)` writes this member where `available_quantity` goes (migration 0014; ASCII since 0018, so an
 * ASCII body decodes and splices as ASCII). Inside a JSON string a quote is always escaped, so this exact
 * text can only be that member, never seller-written content.
 */
const STOCK_MEMBER = '"available_quantity" : "<stock>"';

/**
 * A stored product JSON cut where each variant's stock goes: what `fillStockParts` fills. A caller that
 * keeps a body for many requests keeps it cut, so the cut is made once.
 */
export function stockTemplate(body: string): readonly string[] {
  return body.split(STOCK_MEMBER);
}

/**
 * Fills a stored product JSON with the variants' current stock, given in variant order: plain string
 * splicing, no parse. Throws when the counts differ (the read model would be out of date: a bug).
 */
export function fillStock(template: string, stock: readonly number[]): string {
  return fillStockParts(stockTemplate(template), stock);
}

/** `fillStock` on a body already cut by `stockTemplate`. */
export function fillStockParts(parts: readonly string[], stock: readonly number[]): string {
  if (parts.length !== stock.length + 1) {
    throw new Error(
      `product read model has ${parts.length - 1} variants, the variants table ${stock.length}`,
    );
  }
  let json = parts[0] ?? '';
  for (let i = 0; i < stock.length; i++) json += `"available_quantity" : ${stock[i]}${parts[i + 1]}`;
  return json;
}
