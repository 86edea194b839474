/** The read scenarios (a–d) and which scenarios `BENCH_SCENARIOS` selects. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectionOf } from '../api/src/graphql/contract.js';
import { BenchError, getJson, root } from './lib.js';
import {
  checkTargets,
  type LoadSettings,
  type Measurement,
  measure,
  type Scenario,
  type TargetCheck,
} from './measure.js';
import { statementsRun } from './processes.js';
import { MEDIA_KEYS, mediaScenarios } from './reads-media.js';

export const READ_KEYS = [
  'bare-koa',
  'list',
  'list-unlimited',
  'list-changing',
  'graphql-list',
  'search',
  'detail',
  'list-gzip',
  'detail-gzip',
  'bare-koa-same-size',
  'list-rating',
  'list-uncached',
  'search-uncached',
  'detail-uncached',
  'media',
  'media-304',
  'bare-koa-media-size',
] as const;
const ALL = [...READ_KEYS, 'checkout'];

/** What to run: the read scenarios by key (bare Koa comes along for their ratios) and checkout. */
export interface Selection {
  reads: Set<string>;
  checkout: boolean;
}

/**
 * Parses `BENCH_SCENARIOS`, a comma list of `bare-koa`, `list`, `search`, `detail`, `checkout`,
 * `reads` (the first four) or `all` (the default).
 */
export function selectScenarios(raw: string | undefined): Selection {
  const names = (raw || 'all')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
    .flatMap((n) => (n === 'all' ? ALL : n === 'reads' ? [...READ_KEYS] : [n]));
  const unknown = names.filter((n) => !ALL.includes(n));
  if (unknown.length > 0 || names.length === 0)
    throw new BenchError(
      `BENCH_SCENARIOS=${raw}: use a comma list of all, reads, checkout, ${READ_KEYS.join(', ')}`,
    );
  const reads = new Set(names.filter((n) => n !== 'checkout'));
  if (reads.size > 0) reads.add('bare-koa');
  return { reads, checkout: names.includes('checkout') };
}

interface Page {
  data: { id: string; title: string; category: { handle: string } | null }[];
}
interface Categories {
  data: { handle: string }[];
}

/** Where the read scenarios send their requests, and the key the changing-catalog scenario writes with. */
export interface ReadTargets {
  /** The API under test (development start, catalog cache on). */
  api: string;
  /** Bare Koa, the baseline of every ratio. */
  bare: string;
  /** A second API with rate limiting off (scenario b0), when one was started. */
  unlimited?: string | undefined;
  /** The production build with the catalog cache off (scenarios f–h), when one was started. */
  uncached?: string | undefined;
  /** The operator key the seed issued: scenario b2 changes the marketplace with it, and is left out without it. */
  operatorKey?: string | undefined;
}

/**
 * Finds real ids so every URL hits data, and checks the search scenario is not an empty result. Rows
 * whose set-up costs requests of their own (the media rows fetch and render a picture) are built only
 * when `keys` selects one of them.
 */
export async function pickScenarios(
  { api, bare, unlimited, uncached, operatorKey }: ReadTargets,
  headers: Record<string, string>,
  keys: ReadonlySet<string>,
): Promise<Scenario[]> {
  const q = process.env.BENCH_QUERY || 'boot';
  const category = process.env.BENCH_CATEGORY || 'footwear';
  const first = await getJson<Page>(`${api}/store/products?limit=1`, headers);
  const product = first.data[0];
  if (!product) throw new BenchError('GET /store/products?limit=1 returned no products; did the seed run?');
  const categories = await getJson<Categories>(`${api}/store/categories`, headers);
  if (!categories.data.some((c) => c.handle === category)) {
    throw new BenchError(
      `category "${category}" not found; have: ${categories.data.map((c) => c.handle).join(', ')}`,
    );
  }
  const searchPath = `/store/products?limit=20&q=${encodeURIComponent(q)}&category=${encodeURIComponent(category)}`;
  const search = await getJson<Page>(`${api}${searchPath}`, headers);
  if (search.data.length === 0) {
    throw new BenchError(
      `GET ${searchPath} returned no products; set BENCH_QUERY/BENCH_CATEGORY to a pair that does`,
    );
  }
  process.stdout.write(
    `bench: product ${product.id}; q=${q} category=${category} → ${search.data.length} products ` +
      `(e.g. "${search.data[0]?.title}")\n`,
  );
  // Issue 14's targets: cached listing and detail ≥ 0.6× bare Koa; every uncached read ≥ 0.10×, p99 ≤ 25 ms.
  const cachedTarget = { minRatio: 0.6 };
  const uncachedTarget = { minRatio: 0.1, maxP99Ms: 25 };
  const listingBytes = Buffer.byteLength(
    JSON.stringify(await getJson<Page>(`${api}/store/products?limit=20`, headers)),
  );
  return [
    { key: 'bare-koa', label: 'a. bare Koa, fixed 8 KB JSON', url: `${bare}/` },
    {
      key: 'list',
      label: 'b. GET /store/products?limit=20',
      url: `${api}/store/products?limit=20`,
      ...cachedTarget,
      ceilingKey: 'bare-koa-same-size',
    },
    // The same request to a second API instance with rate limiting off: b minus this is the limiter's cost.
    ...(unlimited
      ? [
          {
            key: 'list-unlimited',
            label: 'b0. GET /store/products?limit=20, rate limiting off (context for b)',
            url: `${unlimited}/store/products?limit=20`,
          },
        ]
      : []),
    // b with the catalog changing as a busy marketplace changes it: every committed change drops the
    // whole cache, so pages are computed again after each poll, by a herd of readers at once.
    ...changingCatalog(api, operatorKey, 250),
    await graphqlListing(api, headers),
    { key: 'search', label: `c. GET ${searchPath}`, url: `${api}${searchPath}` },
    {
      key: 'detail',
      label: 'd. GET /store/products/{id}',
      url: `${api}/store/products/${encodeURIComponent(product.id)}`,
      ...cachedTarget,
    },
    // Context: b and d as a storefront's server asks for them (Node's fetch sends this header):
    // the cached page goes compressed once, so a hit writes ~a seventh of b's bytes.
    {
      key: 'list-gzip',
      label: 'b3. GET /store/products?limit=20, Accept-Encoding: gzip, deflate (context)',
      url: `${api}/store/products?limit=20`,
      headers: { 'accept-encoding': 'gzip, deflate' },
    },
    {
      key: 'detail-gzip',
      label: 'd1. GET /store/products/{id}, Accept-Encoding: gzip, deflate (context)',
      url: `${api}/store/products/${encodeURIComponent(product.id)}`,
      headers: { 'accept-encoding': 'gzip, deflate' },
    },
    // Context: the listing ordered by the rating aggregate copied from the document store (a join, still one statement).
    {
      key: 'list-rating',
      label: 'e1. GET /store/products?limit=20&sort=rating',
      url: `${api}/store/products?limit=20&sort=rating`,
    },
    // The production build (compiled JS) with CATALOG_CACHE_TTL_MS=0: every request reads PostgreSQL.
    ...(uncached
      ? [
          {
            key: 'list-uncached',
            label: 'f. uncached GET /store/products?limit=20',
            url: `${uncached}/store/products?limit=20`,
            ...uncachedTarget,
          },
          {
            key: 'search-uncached',
            label: `g. uncached GET ${searchPath}`,
            url: `${uncached}${searchPath}`,
            ...uncachedTarget,
          },
          {
            key: 'detail-uncached',
            label: 'h. uncached GET /store/products/{id}',
            url: `${uncached}/store/products/${encodeURIComponent(product.id)}`,
            ...uncachedTarget,
          },
        ]
      : []),
    // Context, no target: bare Koa sending a body as large as the listing page.
    {
      key: 'bare-koa-same-size',
      label: `e. bare Koa, ${listingBytes} B JSON (the size of page b; context)`,
      url: `${bare}/size/${listingBytes}`,
    },
    ...(MEDIA_KEYS.some((k) => keys.has(k)) ? await mediaScenarios(api, bare, headers) : []),
  ];
}

/**
 * b's page through GraphQL: `products(first: 20)` selecting every field REST's Product has (the
 * selection is built from the OpenAPI schema), so both answer the same data. Checked once against b.
 */
export async function graphqlListing(api: string, headers: Record<string, string>): Promise<Scenario> {
  const document = JSON.parse(readFileSync(join(root, 'spec/dist/openapi.json'), 'utf8'));
  const query = `{ products(first: 20) { nodes ${selectionOf(document, 'Product')} pageInfo { endCursor } } }`;
  const body = JSON.stringify({ query });
  const post = { body, headers: { 'content-type': 'application/json' } };
  const rest = await getJson<Page>(`${api}/store/products?limit=20`, headers);
  const res = await fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { ...headers, ...post.headers },
    body,
  });
  const answer = (await res.json()) as { data?: { products: { nodes: { id: string }[] } } };
  const ids = answer.data?.products.nodes.map((n) => n.id) ?? [];
  if (JSON.stringify(ids) !== JSON.stringify(rest.data.map((p) => p.id)))
    throw new BenchError(
      `POST /graphql products(first: 20) differs from b: ${res.status} ${JSON.stringify(answer).slice(0, 300)}`,
    );
  return {
    key: 'graphql-list',
    label: 'b1. POST /graphql products(first: 20), every Product field (same data as b; context)',
    url: `${api}/graphql`,
    post,
  };
}

/** Outcome of the selected read scenarios. */
export interface ReadRun {
  scenarios: Scenario[];
  results: Measurement[];
  checks: TargetCheck[];
  /** Scenarios with errors or non-2xx answers: their numbers are not of the endpoint that was meant. */
  failed: Measurement[];
}

/** Measures the selected read scenarios one at a time, bare Koa (the baseline) first. */
export async function runReads(
  targets: ReadTargets,
  load: LoadSettings,
  keys: Set<string>,
  log: (line: string) => void,
): Promise<ReadRun> {
  const scenarios = (await pickScenarios(targets, load.headers, keys)).filter((s) => keys.has(s.key));
  const results: Measurement[] = [];
  for (const scenario of scenarios) {
    log(`bench: ${scenario.label} (${load.warmupS} s warm-up + ${load.durationS} s)…`);
    const result = await measure(scenario, load);
    if (result.beside) log(`bench:   beside it: ${result.beside}`);
    results.push(result);
  }
  const baseline = results[0]?.reqPerSec ?? 0;
  if (baseline <= 0) throw new BenchError('bare Koa served no requests; the baseline is unusable');
  const checks = checkTargets(scenarios, results, baseline);
  return { scenarios, results, checks, failed: results.filter((m) => m.errors > 0 || m.non2xx > 0) };
}

/**
 * Scenario b2, when the seed issued an operator key: the listing read while a committed change (an
 * operator settings update, made with `operator`, which records an event like any write) lands every
 * `everyMs`.
 */
function changingCatalog(api: string, operator: string | undefined, everyMs: number): Scenario[] {
  if (!operator) return [];
  return [
    {
      key: 'list-changing',
      label: `b2. GET /store/products?limit=20, a committed change every ${everyMs} ms (context for b)`,
      url: `${api}/store/products?limit=20`,
      during: () => {
        let stopped = false;
        let committed = 0;
        let refused = 0;
        const counted = statementsRun(api);
        const loop = (async () => {
          for (let i = 0; !stopped; i++) {
            const res = await fetch(`${api}/admin/settings`, {
              method: 'PATCH',
              headers: { 'X-Api-Key': operator, 'Content-Type': 'application/json' },
              body: JSON.stringify({ default_commission_bps: 1000 + (i % 2) }),
            }).catch(() => undefined);
            await res?.arrayBuffer();
            if (res?.ok) committed++;
            else refused++;
            await new Promise((r) => setTimeout(r, everyMs));
          }
        })();
        return async () => {
          stopped = true;
          await loop;
          const statements = (await statementsRun(api)) - (await counted);
          const each = committed > 0 ? Math.round(statements / committed) : 0;
          return `${committed} changes committed, ${refused} refused; ${statements} SQL statements, ${each} a change (its own included)`;
        };
      },
    },
  ];
}
