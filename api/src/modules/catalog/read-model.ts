/** The stock member's name as the read model writes it (with its spacing), before the figure. */
const STOCK_KEY = '"available_quantity" : ';

/**
 * How the read model's stored JSON stands for each variant's stock: `product_document(id, currency,
 * false)` writes this member where `available_quantity` goes (migration 0014; ASCII since 0018, so an
 * ASCII body decodes and splices as ASCII). Inside a JSON string a quote is always escaped, so this exact
 * text can only be that member, never seller-written content.
 */
const STOCK_MEMBER = `${STOCK_KEY}"<stock>"`;

/**
 * Fills a stored product JSON with the variants' current stock, given in variant order: plain string
 * splicing, no parse. Throws when the counts differ (the read model would be out of date: a bug).
 */
export function fillStock(body: string, stock: readonly number[]): string {
  const parts = body.split(STOCK_MEMBER);
  assertCounts(parts.length, stock.length);
  let json = parts[0] ?? '';
  for (let i = 0; i < stock.length; i++) json += `${STOCK_KEY}${stock[i]}${parts[i + 1]}`;
  return json;
}

/** A body cut in `parts` pieces holds `parts - 1` stock places: one per variant, or the read model is out of date (a bug). */
function assertCounts(parts: number, variants: number): void {
  if (parts !== variants + 1) {
    throw new Error(`product read model has ${parts - 1} variants, the variants table ${variants}`);
  }
}

/** A stored product JSON as bytes cut where each variant's stock goes, and the stock to fill in. */
export interface ProductParts {
  /** The body's pieces between its stock places, UTF-8 encoded (`stockTemplateBytes`). */
  parts: readonly Buffer[];
  /** The variants' stock, in variant order. */
  stock: readonly number[];
}

const STOCK_MEMBER_BYTES = Buffer.from(STOCK_MEMBER);

/**
 * A stored product JSON as UTF-8 bytes cut where each variant's stock goes: what a caller keeps, so
 * answers are built from it (`joinProducts`) without cutting or encoding it again.
 * The pieces are views of one buffer of the body's own (not a slice of Node's shared pool, which
 * would keep other, dropped bodies' memory alive as long as this one is kept).
 */
export function stockTemplateBytes(body: string): readonly Buffer[] {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(body));
  bytes.write(body);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(STOCK_MEMBER_BYTES); at !== -1; at = bytes.indexOf(STOCK_MEMBER_BYTES, from)) {
    parts.push(bytes.subarray(from, at));
    from = at + STOCK_MEMBER_BYTES.length;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

const STOCK_PREFIX = Buffer.from(STOCK_KEY);
const COMMA = 0x2c;

/**
 * `prefix`, the products' JSON with their stock filled in, separated by commas, then `suffix`, as one
 * buffer: the bytes of a listing's answer (`prefix` `{"data":[`). Its length is counted first, so it is
 * one allocation and a copy of each piece, with no string of the whole page and no UTF-8 encoding of
 * it per request. Throws as `fillStock` does when a product's counts differ.
 */
export function joinProducts(prefix: string, products: readonly ProductParts[], suffix: string): Buffer {
  const digits: string[] = [];
  let length = Buffer.byteLength(prefix) + Buffer.byteLength(suffix) + Math.max(0, products.length - 1);
  for (const { parts, stock } of products) {
    assertCounts(parts.length, stock.length);
    for (const part of parts) length += part.length;
    for (const quantity of stock) {
      const text = String(quantity);
      digits.push(text);
      length += STOCK_PREFIX.length + text.length;
    }
  }
  const out = Buffer.allocUnsafe(length);
  // `set` (a native copy) rather than `Buffer#copy`, whose argument checks run in JavaScript per piece;
  // a stock figure is ASCII digits, written byte by byte.
  let at = out.write(prefix, 0);
  const put = (bytes: Uint8Array) => {
    out.set(bytes, at);
    at += bytes.length;
  };
  let d = 0;
  for (let p = 0; p < products.length; p++) {
    const { parts } = products[p] as ProductParts;
    if (p > 0) out[at++] = COMMA;
    put(parts[0] as Buffer);
    for (let i = 1; i < parts.length; i++) {
      put(STOCK_PREFIX);
      const text = digits[d++] as string;
      for (let c = 0; c < text.length; c++) out[at++] = text.charCodeAt(c);
      put(parts[i] as Buffer);
    }
  }
  out.write(suffix, at);
  return out;
}
