/**
 * A merchant's import: reads products from a CSV (one row per variant), creates and publishes them,
 * printing progress. Re-running is safe: a product whose handle exists is skipped.
 *   SOUK_SELLER_KEY=sk_demo_seller_1 node --import tsx sdk/examples/import-products.ts [file.csv]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSoukClient, isSoukError, type RequestBody } from '@souk/sdk';

type NewProduct = RequestBody<'createSellerProduct'>;

const souk = createSoukClient({
  baseUrl: process.env.SOUK_API_URL ?? 'http://localhost:4000',
  apiKey: process.env.SOUK_SELLER_KEY ?? 'sk_demo_seller_1',
});

/** Groups CSV rows (handle,title,sku,color,price_usd,stock) into products with their variants. */
function parseCsv(text: string): NewProduct[] {
  const [header, ...rows] = text.trim().split(/\r?\n/);
  const columns = (header ?? '').split(',');
  const products = new Map<string, NewProduct & { colors: string[] }>();
  for (const line of rows) {
    const cells = line.split(',');
    const row = Object.fromEntries(columns.map((c, i) => [c, cells[i]?.trim() ?? '']));
    const handle = row.handle ?? '';
    const color = row.color ?? '';
    const product = products.get(handle) ?? { handle, title: row.title ?? handle, variants: [], colors: [] };
    product.colors.push(color);
    product.variants.push({
      sku: row.sku ?? '',
      options: { Color: color },
      prices: [{ amount: Number(row.price_usd), currency: 'USD' }],
      inventory_quantity: Number(row.stock),
    });
    products.set(handle, product);
  }
  return [...products.values()].map(({ colors, ...p }) => ({
    ...p,
    options: [{ name: 'Color', values: colors }],
  }));
}

const file = process.argv[2] ?? join(import.meta.dirname, 'products.csv');
const products = parseCsv(readFileSync(file, 'utf8'));
const counts = { created: 0, skipped: 0, failed: 0 };
console.log(`importing ${products.length} products from ${file}`);

for (const [i, input] of products.entries()) {
  const step = `[${i + 1}/${products.length}] ${input.handle}`;
  try {
    // The SDK sends a fresh Idempotency-Key, so its automatic retries never create a duplicate;
    // a re-run of the import gets `conflict` for the handle instead.
    const created = await souk.seller.products.create(input);
    await souk.seller.products.publish(created.id);
    counts.created++;
    console.log(`${step}: created and published (${created.variants.length} variants)`);
  } catch (err) {
    if (isSoukError(err, 'conflict')) {
      counts.skipped++;
      console.log(`${step}: skipped, already exists`);
    } else if (isSoukError(err, 'validation_failed')) {
      counts.failed++;
      console.log(`${step}: invalid: ${err.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
    } else {
      throw err;
    }
  }
}
console.log(`done: ${counts.created} created, ${counts.skipped} skipped, ${counts.failed} failed`);
