/** The product-picture scenarios (i, i1, i0): a rendered variant from GET /media, as themes load it. */
import { BenchError, getJson } from './lib.js';
import type { Scenario } from './measure.js';

/**
 * The seeded first product's first picture at `?w=480` (the width a theme's srcset picks for a grid
 * card), fetched once, which renders it: its path (MEDIA_PUBLIC_URL may name another host, a CDN in
 * front of /media), its ETag and its size.
 */
export async function firstPicture(api: string, headers: Record<string, string>) {
  const page = await getJson<{ data: { id: string; images: { url: string }[] }[] }>(
    `${api}/store/products?limit=1`,
    headers,
  );
  const url = page.data[0]?.images[0]?.url;
  if (!url) throw new BenchError('the first product has no image; did the seed attach the demo images?');
  const path = `${new URL(url).pathname}?w=480`;
  const res = await fetch(`${api}${path}`, { headers });
  const bytes = (await res.arrayBuffer()).byteLength;
  const etag = res.headers.get('etag');
  if (res.status !== 200 || !etag) throw new BenchError(`GET ${path} answered ${res.status}`);
  return { path, etag, bytes };
}

/** The keys of the rows mediaScenarios builds (`BENCH_SCENARIOS`). */
export const MEDIA_KEYS = ['media', 'media-304', 'bare-koa-media-size'] as const;

/**
 * The picture of firstPicture served again (rendered already), the same with its ETag in
 * If-None-Match (a browser revalidating), and bare Koa sending a body of its size.
 */
export async function mediaScenarios(
  api: string,
  bare: string,
  headers: Record<string, string>,
): Promise<Scenario[]> {
  const { path, etag, bytes } = await firstPicture(api, headers);
  process.stdout.write(`bench: picture ${path} (${bytes} B WebP)\n`);
  return [
    {
      key: 'media',
      label: 'i. GET /media/products/{id}/{hash}.webp?w=480, served before',
      url: `${api}${path}`,
    },
    {
      key: 'media-304',
      label: 'i1. the same with its ETag in If-None-Match (every answer 304)',
      url: `${api}${path}`,
      headers: { 'If-None-Match': etag },
      status: 304,
    },
    {
      key: 'bare-koa-media-size',
      label: `i0. bare Koa, ${bytes} B JSON (the size of picture i; context)`,
      url: `${bare}/size/${bytes}`,
    },
  ];
}
