/**
 * Baseline for the bench: a bare Koa app answering every request with the same ~8 KB JSON body
 * (or, on `/size/N`, an N-byte one).
 * The body is serialized once at startup, so this measures Koa + Node HTTP only — the ceiling the
 * API's numbers are compared against. `PORT` picks the port; the body size is printed on start.
 */
import Koa from 'koa';
import { parseCli } from '../api/src/lib/cli.js';

parseCli({
  name: 'bare-koa',
  command: 'node --import tsx bench/bare-koa.ts',
  description:
    'The bench baseline: a bare Koa app answering every request with the same ~8 KB JSON body (on\n' +
    '/size/N, an N-byte one). `npm run bench` starts it; run it alone to compare against it by hand.',
  options: {},
  environment: { PORT: 'Port on 127.0.0.1 (default 4100).' },
});

const DEFAULT_BYTES = 8_192;

/** Product-like list items, roughly the shape of a catalog listing, until the target size is reached. */
function buildBody(targetBytes: number): Buffer {
  const data: Record<string, unknown>[] = [];
  const page = { data, next_cursor: null as string | null, pad: '' };
  for (let i = 0; ; i++) {
    const item = {
      id: `prod_${String(i).padStart(26, '0')}`,
      handle: `bench-product-${i}`,
      title: `Bench Product ${i}`,
      status: 'published',
      seller: {
        id: `sel_${String(i % 5).padStart(26, '0')}`,
        handle: `seller-${i % 5}`,
        name: `Seller ${i % 5}`,
      },
      price_range: { min: { amount: 1999 + i, currency: 'USD' }, max: { amount: 2999 + i, currency: 'USD' } },
      created_at: '2025-01-01T00:00:00.000Z',
    };
    data.push(item);
    if (Buffer.byteLength(JSON.stringify(page)) > targetBytes) {
      data.pop();
      break;
    }
  }
  // Pad to exactly targetBytes so runs are comparable even if the item shape above changes.
  page.pad = 'x'.repeat(targetBytes - Buffer.byteLength(JSON.stringify(page)));
  return Buffer.from(JSON.stringify(page));
}

const body = buildBody(DEFAULT_BYTES);
// `/size/N` answers with an N-byte body instead, built once per size: a baseline as large as the
// API's own response, so the cost of moving bytes can be told apart from the cost of the API.
const sized = new Map<number, Buffer>();
const app = new Koa();
app.use((ctx) => {
  const match = /^\/size\/(\d{1,7})$/.exec(ctx.path);
  const bytes = match ? Number(match[1]) : DEFAULT_BYTES;
  let payload = bytes === DEFAULT_BYTES ? body : sized.get(bytes);
  if (!payload) {
    payload = buildBody(bytes);
    sized.set(bytes, payload);
  }
  ctx.type = 'application/json';
  ctx.body = payload;
});

const port = Number(process.env.PORT ?? 4100);
const server = app.listen(port, '127.0.0.1', () => {
  process.stdout.write(`bare koa: listening on 127.0.0.1:${port}, body ${body.length} bytes\n`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
