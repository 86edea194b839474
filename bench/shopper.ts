/**
 * The HTTP side of the checkout scenario: finds buyable variants, fills carts through the API and
 * checks them out with a fixed number of concurrent workers, timing each checkout.
 */
import { BenchError, getJson } from './lib.js';

interface ProductPage {
  data: {
    seller: { id: string };
    variants: { id: string; sku: string; price: { amount: number } | null; available_quantity: number }[];
  }[];
}

/** A variant that can be bought in USD, with its seller. */
export interface Buyable {
  id: string;
  sku: string;
  sellerId: string;
}

/**
 * Published, in-stock, USD-priced variants (the listing only shows active sellers, and the demo
 * sellers all ship in USD), taken round-robin over the sellers so orders split across them.
 */
export async function pickVariants(
  api: string,
  headers: Record<string, string>,
  count: number,
): Promise<Buyable[]> {
  const page = await getJson<ProductPage>(`${api}/store/products?currency=USD&limit=100`, headers);
  const bySeller = new Map<string, Buyable[]>();
  for (const product of page.data) {
    for (const v of product.variants) {
      if (v.price === null || v.available_quantity <= 0) continue;
      const list = bySeller.get(product.seller.id) ?? [];
      list.push({ id: v.id, sku: v.sku, sellerId: product.seller.id });
      bySeller.set(product.seller.id, list);
    }
  }
  const picked: Buyable[] = [];
  for (let round = 0; picked.length < count; round++) {
    const before = picked.length;
    for (const list of bySeller.values()) {
      const v = list[round];
      if (v && picked.length < count) picked.push(v);
    }
    if (picked.length === before) break;
  }
  if (picked.length < count)
    throw new BenchError(`found only ${picked.length} buyable USD variants, need ${count}`);
  return picked;
}

/** Sends a JSON request; resolves with the status and the parsed body (null when there is none). */
async function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  } catch {
    return { status: res.status, body: text };
  }
}

/** Runs `task(i)` for i in [0, n) with at most `concurrency` in flight. */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

export const ADDRESS = {
  name: 'Erika Mustermann',
  line1: 'Heidestraße 17',
  city: 'Köln',
  postal_code: '51147',
  country: 'DE',
};

/**
 * Creates `n` ready-to-check-out USD carts through the API (create, add each item, set email and
 * address: 2 + items requests per cart), `concurrency` at a time. `items(i)` says what cart i holds.
 */
export async function prepareCarts(
  api: string,
  headers: Record<string, string>,
  n: number,
  items: (i: number) => string[],
  concurrency = 8,
): Promise<string[]> {
  const ids: string[] = new Array(n);
  const must = (what: string, res: { status: number; body: unknown }, ok: number) => {
    if (res.status !== ok)
      throw new BenchError(`${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  };
  await pool(n, concurrency, async (i) => {
    const cart = await send(`${api}/store/carts`, 'POST', headers, { currency: 'USD' });
    must('POST /store/carts', cart, 201);
    const id = (cart.body as { id: string }).id;
    for (const variant of items(i)) {
      const res = await send(`${api}/store/carts/${id}/items`, 'POST', headers, {
        variant_id: variant,
        quantity: 1,
      });
      must(`POST /store/carts/{id}/items (${variant})`, res, 200);
    }
    const patch = await send(`${api}/store/carts/${id}`, 'PATCH', headers, {
      email: 'buyer@example.com',
      shipping_address: ADDRESS,
    });
    must('PATCH /store/carts/{id}', patch, 200);
    ids[i] = id;
  });
  return ids;
}

/** What a batch of checkouts answered and how long each took. */
export interface CheckoutRun {
  attempts: number;
  ok: number;
  outOfStock: number;
  /** Any other answer, by `status code` (e.g. `409 conflict`); transport failures as `error <name>`. */
  other: Record<string, number>;
  serverErrors: number;
  /** Latencies of the 201 answers, ms. */
  okLatenciesMs: number[];
  elapsedMs: number;
}

/** Checks out every cart once, `workers` at a time, each with its own Idempotency-Key. */
export async function checkoutAll(
  api: string,
  headers: Record<string, string>,
  cartIds: string[],
  workers: number,
): Promise<CheckoutRun> {
  const run: CheckoutRun = {
    attempts: 0,
    ok: 0,
    outOfStock: 0,
    other: {},
    serverErrors: 0,
    okLatenciesMs: [],
    elapsedMs: 0,
  };
  const bump = (key: string) => {
    run.other[key] = (run.other[key] ?? 0) + 1;
  };
  const started = performance.now();
  await pool(cartIds.length, workers, async (i) => {
    const id = cartIds[i];
    const t0 = performance.now();
    run.attempts++;
    try {
      const res = await send(
        `${api}/store/carts/${id}/checkout`,
        'POST',
        { ...headers, 'idempotency-key': `bench-${id}` },
        { payment_method: 'pm_card_visa' },
      );
      const code = (res.body as { code?: string } | null)?.code ?? '';
      if (res.status === 201) {
        run.ok++;
        run.okLatenciesMs.push(performance.now() - t0);
      } else if (res.status === 409 && code === 'out_of_stock') run.outOfStock++;
      else {
        if (res.status >= 500) run.serverErrors++;
        bump(`${res.status} ${code}`.trim());
      }
    } catch (err) {
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
      bump(`error ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  });
  run.elapsedMs = performance.now() - started;
  return run;
}

/** Nearest-rank percentile of `values` (ms), rounded to 0.1 ms; 0 for none. */
export function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const v = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return Math.round(v * 10) / 10;
}
