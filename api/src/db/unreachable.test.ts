import { createServer } from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { databaseUnavailable, isDatabaseUnreachable } from './unreachable.js';

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('an unreachable database', () => {
  it('is what pg throws when no server listens, by host name or address', async () => {
    const port = await closedPort();
    for (const host of ['127.0.0.1', 'localhost']) {
      const err = await new pg.Client({ host, port, user: 'x', database: 'x' }).connect().catch((e) => e);
      expect(isDatabaseUnreachable(err)).toBe(true);
    }
  });

  it('is what pg-pool throws when a connection cannot be had in time', async () => {
    // A server that accepts and never answers the startup message.
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as { port: number };
    const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'x', connectionTimeoutMillis: 100 });
    try {
      const err = await pool.query('SELECT 1').catch((e) => e);
      expect(isDatabaseUnreachable(err)).toBe(true);
    } finally {
      await pool.end().catch(() => {});
      silent.close();
    }
  });

  it('is a server SQLSTATE of a lost connection or a server that cannot serve, also as a cause', () => {
    for (const code of ['08006', '08001', '57P01', '57P03', '53300']) {
      expect(isDatabaseUnreachable(Object.assign(new Error('x'), { code }))).toBe(true);
    }
    const lost = new Error('Connection terminated unexpectedly');
    expect(isDatabaseUnreachable(new Error('wrapped', { cause: lost }))).toBe(true);
  });

  it('is not a statement that failed, nor a fault of ours', () => {
    for (const code of ['22012', '23505', '40001', '42P01']) {
      expect(isDatabaseUnreachable(Object.assign(new Error('x'), { code }))).toBe(false);
    }
    expect(isDatabaseUnreachable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnreachable(new AppError('not_found', 'x'))).toBe(false);
    expect(isDatabaseUnreachable('ECONNREFUSED')).toBe(false);
    expect(databaseUnavailable(new Error('x'))).toBeUndefined();
  });

  it('answers a cancelled statement 503 too, without retrying it as a lost connection', () => {
    const cancelled = Object.assign(new Error('canceling statement due to statement timeout'), {
      code: '57014',
    });
    expect(isDatabaseUnreachable(cancelled)).toBe(false);
    const err = databaseUnavailable(cancelled);
    expect(err).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(err?.detail).toMatch(/too long/);
    expect(err?.extra.headers?.['Retry-After']).toBe('2');
  });

  it('answers 503 service_unavailable with Retry-After', () => {
    const err = databaseUnavailable(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }));
    expect(err).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(err?.extra.headers?.['Retry-After']).toBe('2');
  });
});
