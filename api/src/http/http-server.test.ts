import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from './http-server.js';

const servers: { close(): unknown }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** Sends `head` on a raw socket and resolves with what comes back and how long it took. */
async function stall(head: string, options = { headersTimeoutMs: 300, requestTimeoutMs: 600 }) {
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  }, options);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const started = Date.now();
  return new Promise<{ text: string; ms: number }>((resolve) => {
    let text = '';
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', () => socket.write(head));
    socket.on('data', (d) => {
      text += d;
    });
    socket.on('close', () => resolve({ text, ms: Date.now() - started }));
  });
}

describe('HTTP server timeouts', () => {
  it('answers 408 and closes when the body never arrives', async () => {
    const { text, ms } = await stall('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(3_000);
  });

  it('answers 408 and closes when the headers never end', async () => {
    const { text, ms } = await stall('GET / HTTP/1.1\r\nHost: x\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeLessThan(3_000);
  });

  it('serves a request that completes in time', async () => {
    const { text } = await stall(
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi',
    );
    expect(text).toMatch(/^HTTP\/1\.1 200/);
  });
});
