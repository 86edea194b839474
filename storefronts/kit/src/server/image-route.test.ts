import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImageRoute } from './image-route';

// A real HTTP server standing in for a foreign image host.
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok.png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
    else if (req.url === '/evil.svg') res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg/>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ask = (route: (r: Request) => Promise<Response>, url: string) =>
  route(new Request(`http://shop.example/media?url=${encodeURIComponent(url)}`));

describe('image proxy route', () => {
  it('passes images through from allowed hosts with long caching', async () => {
    const res = await ask(createImageRoute({ imageHosts: ['127.0.0.1'] }), `${origin}/ok.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toContain('max-age=86400');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
  });

  it('answers a placeholder for a missing image, a non-image and a foreign SVG', async () => {
    const route = createImageRoute({ imageHosts: ['127.0.0.1'] });
    for (const path of ['/missing.jpg', '/page', '/evil.svg']) {
      const res = await ask(route, `${origin}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-souk-image')).toBe('placeholder');
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
    }
  });

  it('answers a placeholder when the host is unreachable, and at once while it stays down', async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const route = createImageRoute({ imageHosts: ['localhost'] }, { timeoutMs: 2_000, fetch: counting });
    // Port 9 (discard) refuses connections.
    const first = await ask(route, 'http://localhost:9/a.jpg');
    expect(first.headers.get('x-souk-image')).toBe('placeholder');
    const again = await ask(route, 'http://localhost:9/b.jpg');
    expect(again.headers.get('x-souk-image')).toBe('placeholder');
    expect(calls).toBe(1);
  });

  it('is not an open proxy', async () => {
    const route = createImageRoute({ imageHosts: ['picsum.photos'] });
    expect((await ask(route, `${origin}/ok.png`)).status).toBe(400);
    expect((await ask(route, 'file:///etc/passwd')).status).toBe(400);
    expect((await route(new Request('http://shop.example/media'))).status).toBe(400);
  });
});
