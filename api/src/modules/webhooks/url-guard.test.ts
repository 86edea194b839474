import type { LookupAddress } from 'node:dns';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import {
  checkWebhookUrl,
  ForbiddenAddressError,
  guardedLookup,
  isForbiddenAddress,
  type Resolve,
} from './url-guard.js';

/** A resolver over a fixed table: no network in these tests. */
const fakeDns =
  (table: Record<string, string[]>): Resolve =>
  async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const dns = fakeDns({
  'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'rebind.example.com': ['93.184.216.34', '10.1.2.3'],
  'metadata.google.internal': ['169.254.169.254'],
  'v6-internal.example.com': ['fd00::1'],
  'mapped.example.com': ['::ffff:192.168.1.1'],
  'dev.local': ['127.0.0.1'],
});

const refusal = async (url: string, opts: Partial<Parameters<typeof checkWebhookUrl>[1]> = {}) => {
  try {
    await checkWebhookUrl(url, { allowedHosts: [], requireHttps: false, lookup: dns, ...opts });
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`${url} was accepted`);
};

describe('isForbiddenAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '169.254.0.1',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '0.1.2.3',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fd12:3456:789a::1',
    'fe80::1',
    'fe80::1%eth0',
    'febf::1',
    'ff02::1',
    '::ffff:10.0.0.1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '64:ff9b::10.0.0.1',
    '2002:0a00:0001::1',
    // IPv4-translated (::ffff:0:0/96), whatever it carries; Teredo; local-use NAT64; benchmarking.
    '::ffff:0:10.0.0.1',
    '::ffff:0:8.8.8.8',
    '::ffff:0:0',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '64:ff9b:1::8.8.8.8',
    '64:ff9b::192.168.1.1',
    '64:ff9b::169.254.169.254',
    '2002:a9fe:a9fe::1',
    '198.18.0.1',
    '198.19.255.255',
    'fec0::1',
    '2001:db8::1',
    '192.0.2.1',
    // IPv4-translated (RFC 2765, ::ffff:0:0/96) carries an IPv4 address like the mapped form.
    '::ffff:0:127.0.0.1',
    '::ffff:0:a9fe:a9fe',
    '64:ff9b:1::10.0.0.1', // local-use NAT64 (RFC 8215): the site's own translator
    '100::1', // discard-only
    'not-an-ip',
    '',
    '1.2.3.256',
  ])('forbids %s', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '169.253.255.255',
    '223.255.255.255',
    '2606:2800:220:1:248:1893:25c8:1946',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:0808:0808::1',
  ])('allows %s', (ip) => {
    expect(isForbiddenAddress(ip)).toBe(false);
  });
});

describe('checkWebhookUrl', () => {
  it('accepts a public https URL and returns it parsed', async () => {
    const url = await checkWebhookUrl('https://hooks.example.com/souk', {
      allowedHosts: [],
      requireHttps: true,
      lookup: dns,
    });
    expect(url.hostname).toBe('hooks.example.com');
  });

  it.each([
    ['http://127.0.0.1/hook', '127.0.0.1'],
    ['http://10.0.0.1/hook', '10.0.0.1'],
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['http://[::1]/', '::1'],
    ['http://[::ffff:10.0.0.1]/', 'resolves to'],
    ['http://2130706433/', '127.0.0.1'], // the URL parser normalises the decimal form of 127.0.0.1
    ['http://0x7f.1/', '127.0.0.1'],
    ['https://rebind.example.com/', '10.1.2.3'],
    ['https://metadata.google.internal/computeMetadata/v1/', '169.254.169.254'],
    ['https://v6-internal.example.com/', 'fd00::1'],
    ['https://mapped.example.com/', '::ffff:192.168.1.1'],
    ['https://nowhere.example.com/', 'does not resolve'],
    ['ftp://hooks.example.com/file', 'ftp:'],
    ['https://user:pw@hooks.example.com/', 'credentials'],
    ['https://user@hooks.example.com/', 'credentials'],
    ['not a url', 'cannot be parsed'],
  ])('refuses %s', async (url, reason) => {
    const err = await refusal(url);
    expect(err.code).toBe('webhook_url_not_allowed');
    expect(err.status).toBe(422);
    expect(err.detail).toContain(reason);
    expect(err.extra.errors?.[0]?.field).toBe('/url');
  });

  it('refuses http:// when HTTPS is required, and allows it otherwise', async () => {
    expect((await refusal('http://hooks.example.com/', { requireHttps: true })).detail).toContain('https://');
    await expect(
      checkWebhookUrl('http://hooks.example.com/', { allowedHosts: [], requireHttps: false, lookup: dns }),
    ).resolves.toBeInstanceOf(URL);
  });

  it('admits an allow-listed host whatever it resolves to, without resolving it', async () => {
    const noLookup: Resolve = async () => {
      throw new Error('must not resolve');
    };
    const opts = { allowedHosts: ['127.0.0.1', 'dev.local', '::1'], requireHttps: false, lookup: noLookup };
    await expect(checkWebhookUrl('http://127.0.0.1:1234/x', opts)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://dev.local/x', opts)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://[::1]:8080/x', opts)).resolves.toBeInstanceOf(URL);
    // The allow-list is exact: another loopback name is still refused.
    expect((await refusal('http://127.0.0.2/x', { allowedHosts: ['127.0.0.1'] })).detail).toContain(
      '127.0.0.2',
    );
    // It relaxes where a host may point, not the scheme or credentials rules.
    expect(
      (await refusal('http://127.0.0.1/x', { allowedHosts: ['127.0.0.1'], requireHttps: true })).detail,
    ).toContain('https://');
    expect((await refusal('https://a:b@127.0.0.1/x', { allowedHosts: ['127.0.0.1'] })).detail).toContain(
      'credentials',
    );
  });

  it('refuses a host whose resolution hangs, after the timeout', async () => {
    const hang: Resolve = () => new Promise<LookupAddress[]>(() => {});
    expect((await refusal('https://slow.example.com/', { lookup: hang, timeoutMs: 20 })).detail).toContain(
      'does not resolve',
    );
  });
});

describe('guardedLookup', () => {
  const call = (
    lookup: ReturnType<typeof guardedLookup>,
    host: string,
    options: { all?: boolean; family?: number } = {},
  ) =>
    new Promise<{ err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>(
      (resolve) => lookup(host, options, (err, address, family) => resolve({ err, address, family })),
    );

  it('resolves public hosts, one address or all of them', async () => {
    const lookup = guardedLookup({ allowedHosts: [], lookup: dns });
    expect(await call(lookup, 'hooks.example.com')).toEqual({
      err: null,
      address: '93.184.216.34',
      family: 4,
    });
    const all = await call(lookup, 'hooks.example.com', { all: true });
    expect(all.err).toBeNull();
    expect(all.address).toHaveLength(2);
  });

  it('fails when any address is forbidden (DNS rebinding), also for mapped and IPv6 answers', async () => {
    const lookup = guardedLookup({ allowedHosts: [], lookup: dns });
    for (const host of [
      'rebind.example.com',
      'metadata.google.internal',
      'v6-internal.example.com',
      'mapped.example.com',
    ]) {
      const out = await call(lookup, host, { all: true });
      expect(out.err).toBeInstanceOf(ForbiddenAddressError);
      expect(out.err?.code).toBe('ERR_WEBHOOK_ADDRESS_FORBIDDEN');
    }
  });

  it('lets allow-listed hosts through and passes resolver errors on', async () => {
    const lookup = guardedLookup({ allowedHosts: ['dev.local'], lookup: dns });
    expect(await call(lookup, 'dev.local')).toEqual({ err: null, address: '127.0.0.1', family: 4 });
    expect((await call(lookup, 'nowhere.example.com')).err?.code).toBe('ENOTFOUND');
    const empty = guardedLookup({ allowedHosts: [], lookup: async () => [] });
    expect((await call(empty, 'empty.example.com')).err?.code).toBe('ENOTFOUND');
  });

  it('forwards the requested address family to the resolver', async () => {
    const seen: Array<number | undefined> = [];
    const spy: Resolve = async (_host, options) => {
      seen.push(options?.family);
      return [{ address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 }];
    };
    const out = await call(guardedLookup({ allowedHosts: [], lookup: spy }), 'hooks.example.com', {
      family: 6,
    });
    expect(out).toEqual({ err: null, address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 });
    expect(seen).toEqual([6]);
  });
});

describe('guardedLookup in http.request', () => {
  const localhost: Resolve = async () => [{ address: '127.0.0.1', family: 4 }];

  const get = (port: number, allowedHosts: string[]) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: 'receiver.test',
          port,
          path: '/',
          lookup: guardedLookup({ allowedHosts, lookup: localhost }),
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('stops the connection before it is made, unless the host is allow-listed', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(get(port, [])).rejects.toBeInstanceOf(ForbiddenAddressError);
      expect(hits).toBe(0);
      await expect(get(port, ['receiver.test'])).resolves.toBe(200);
      expect(hits).toBe(1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
