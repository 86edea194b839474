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

  it('answers the 408 as problem+json with a stable code', async () => {
    const { text } = await stall('GET / HTTP/1.1\r\nHost: x\r\n');
    expect(problemOf(text)).toMatchObject({ status: 408, code: 'request_timeout' });
  });

  it('serves a request that completes in time', async () => {
    const { text } = await stall(
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi',
    );
    expect(text).toMatch(/^HTTP\/1\.1 200/);
  });
});

/** The head and parsed problem body of a raw HTTP response. */
function problemOf(text: string) {
  const [head, body] = text.split('\r\n\r\n');
  expect(head).toMatch(/\r\ncontent-type: application\/problem\+json\r\n/i);
  expect(head).toMatch(/\r\nconnection: close/i);
  return JSON.parse(body ?? '');
}

describe('requests Node refuses before the app sees them', () => {
  it('answers invalid HTTP with 400 malformed_request', async () => {
    const { text } = await stall('NOT HTTP AT ALL\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    const problem = problemOf(text);
    expect(problem).toMatchObject({ status: 400, code: 'malformed_request' });
    expect(problem.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers headers over 16 KiB with 431', async () => {
    const { text } = await stall(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(text).toMatch(/^HTTP\/1\.1 431/);
    expect(problemOf(text)).toMatchObject({ status: 431, code: 'request_header_fields_too_large' });
  });

  it('answers a malformed request after a good one on the same keep-alive connection', async () => {
    const server = createHttpServer((_req, res) => res.end('ok'), {
      headersTimeoutMs: 300,
      requestTimeoutMs: 600,
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const text = await new Promise<string>((resolve) => {
      let text = '';
      const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', () =>
        socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'),
      );
      socket.on('data', (d) => {
        // The second, broken request goes out once the first was answered.
        if (text === '') socket.write('BROKEN\r\n\r\n');
        text += d;
      });
      socket.on('close', () => resolve(text));
    });
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(problemOf(text.slice(text.indexOf('\r\n\r\nok') + 6))).toMatchObject({
      code: 'malformed_request',
    });
  });
});
