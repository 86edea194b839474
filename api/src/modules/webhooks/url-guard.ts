import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookupAsync } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import { AppError } from '../../errors.js';

/** Resolves a host name to every address it has (the shape of `dns.promises.lookup(host, { all: true })`). */
export type Resolve = (
  hostname: string,
  options?: { family?: number; hints?: number },
) => Promise<LookupAddress[]>;

const defaultResolve: Resolve = (hostname, options = {}) =>
  dnsLookupAsync(hostname, { ...options, all: true });

/** IPv4 ranges no webhook may reach: [network, prefix length], with why. */
const FORBIDDEN_V4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT: often the provider's internal network
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. the cloud metadata service 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking, used as internal space by some networks
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, incl. broadcast 255.255.255.255
];

function v4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    n = n * 256 + octet;
  }
  return n;
}

const V4_RANGES = FORBIDDEN_V4.map(([base, bits]) => {
  // Multiplication keeps the arithmetic in safe integers (bit shifts would turn 32-bit values negative).
  const size = 2 ** (32 - bits);
  return { start: v4ToInt(base) ?? 0, size };
});

function isForbiddenV4(n: number): boolean {
  return V4_RANGES.some((r) => n >= r.start && n < r.start + r.size);
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped, dotted IPv4 tail expanded), or undefined. */
function v6Groups(ip: string): number[] | undefined {
  let text = ip.split('%')[0] ?? '';
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (tail?.[1]) {
    const v4 = v4ToInt(tail[1]);
    if (v4 === undefined) return undefined;
    text = `${text.slice(0, -tail[1].length)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string) =>
    s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN));
  const head = parse(halves[0] ?? '');
  const rest = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...rest];
  return groups.some(Number.isNaN) ? undefined : groups;
}

function isForbiddenV6(g: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embeddedV4 = g6 * 65536 + g7;
  const zeroTo4 = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroTo4 && g5 === 0) {
    // `::` (unspecified), `::1` (loopback) and the deprecated IPv4-compatible `::a.b.c.d`.
    return embeddedV4 <= 1 || isForbiddenV4(embeddedV4);
  }
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) reach the IPv4 address they carry.
  if (zeroTo4 && g5 === 0xffff) return isForbiddenV4(embeddedV4);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return isForbiddenV4(embeddedV4);
  }
  // 6to4 (2002:a.b.c.d::/16) carries an IPv4 address in groups 1-2.
  if (g0 === 0x2002) return isForbiddenV4(g1 * 65536 + g2);
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return true; // deprecated site-local fec0::/10
  if ((g0 & 0xff00) === 0xff00) return true; // multicast ff00::/8
  return false;
}

/**
 * True when a webhook must not connect to this IP address: loopback, private, link-local (incl. the
 * metadata service), CGNAT, unspecified, multicast or reserved ranges, for IPv4 and IPv6; IPv6 forms
 * that carry an IPv4 address (mapped `::ffff:10.0.0.1`, NAT64, 6to4) follow the IPv4 rules.
 * Anything that is not an IP address is forbidden too (fail closed).
 */
export function isForbiddenAddress(ip: string): boolean {
  const family = isIP(ip.split('%')[0] ?? '');
  if (family === 4) {
    const n = v4ToInt(ip);
    return n === undefined || isForbiddenV4(n);
  }
  if (family === 6) {
    const groups = v6Groups(ip);
    return groups === undefined || isForbiddenV6(groups);
  }
  return true;
}

/** Options of the URL checks. */
export interface UrlGuardOptions {
  /** Host names (exactly as in the URL) that may resolve anywhere: the development allow-list. */
  allowedHosts: readonly string[];
  /** Refuse `http:` (outside development). */
  requireHttps: boolean;
  /** Resolver; defaults to the system's (`dns.promises.lookup`). Tests inject one. */
  lookup?: Resolve;
  /** How long resolution may take before the URL is refused. */
  timeoutMs?: number;
}

/** The host of a URL without IPv6 brackets or a trailing root dot. */
function bareHost(url: URL): string {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

const refuse = (detail: string) =>
  new AppError('webhook_url_not_allowed', detail, {
    errors: [{ in: 'body', field: '/url', message: detail }],
  });

/**
 * Checks a webhook URL before it is stored: http(s) only (https when `requireHttps`), no credentials,
 * and every address the host resolves to must be public — unless the host is on the allow-list.
 * Throws 422 `webhook_url_not_allowed` with the reason.
 */
export async function checkWebhookUrl(raw: string, options: UrlGuardOptions): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('The URL cannot be parsed.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw refuse(`Only https:// URLs can receive webhooks, not ${url.protocol}//.`);
  }
  if (url.protocol === 'http:' && options.requireHttps) {
    throw refuse('Webhook URLs must use https://.');
  }
  if (url.username !== '' || url.password !== '') {
    throw refuse('Webhook URLs must not contain credentials; authenticate with the signature instead.');
  }
  const host = bareHost(url);
  if (host === '') throw refuse('The URL has no host.');
  if (options.allowedHosts.includes(url.hostname) || options.allowedHosts.includes(host)) return url;
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await resolveWithin(options.lookup ?? defaultResolve, host, options.timeoutMs ?? 5000);
  if (addresses.length === 0) throw refuse(`The host '${host}' does not resolve.`);
  const forbidden = addresses.find((a) => isForbiddenAddress(a.address));
  if (forbidden) {
    throw refuse(
      `The host '${host}' resolves to ${forbidden.address}, a loopback, private, link-local or reserved address.`,
    );
  }
  return url;
}

async function resolveWithin(resolve: Resolve, host: string, timeoutMs: number): Promise<LookupAddress[]> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      resolve(host),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
  } catch {
    // NXDOMAIN, no answer or a timeout all mean the same to the caller: nothing to deliver to.
    throw refuse(`The host '${host}' does not resolve.`);
  } finally {
    clearTimeout(timer);
  }
}

/** The error a guarded lookup fails a connection with. */
export class ForbiddenAddressError extends Error {
  override name = 'ForbiddenAddressError';
  readonly code = 'ERR_WEBHOOK_ADDRESS_FORBIDDEN';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`Refusing to connect to ${hostname}: it resolves to the forbidden address ${address}.`);
  }
}

/**
 * A `net.LookupFunction` for `http.request({ lookup })` that resolves as usual and then fails the
 * connection when any address is forbidden and the host is not allow-listed: the check runs again at
 * connect time, so a DNS answer that changed since registration (rebinding) cannot reach inside.
 * Node does not call `lookup` for IP-literal hosts: check those with `isForbiddenAddress` (or
 * `checkWebhookUrl`) before the request.
 */
export function guardedLookup(options: {
  allowedHosts: readonly string[];
  lookup?: Resolve;
}): LookupFunction {
  const resolve = options.lookup ?? defaultResolve;
  return (hostname: string, lookupOptions: LookupOptions, callback) => {
    const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
    const allowed = options.allowedHosts.includes(hostname) || options.allowedHosts.includes(host);
    const family = typeof lookupOptions.family === 'number' ? lookupOptions.family : undefined;
    resolve(hostname, {
      ...(family ? { family } : {}),
      ...(lookupOptions.hints === undefined ? {} : { hints: lookupOptions.hints }),
    }).then(
      (addresses) => {
        const forbidden = allowed ? undefined : addresses.find((a) => isForbiddenAddress(a.address));
        if (forbidden) return callback(new ForbiddenAddressError(hostname, forbidden.address), '', 0);
        const first = addresses[0];
        if (!first) {
          const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
          err.code = 'ENOTFOUND';
          return callback(err, '', 0);
        }
        // Node asks for every address (`all: true`) when it races IPv4 and IPv6 (autoSelectFamily).
        if (lookupOptions.all) return callback(null, addresses);
        return callback(null, first.address, first.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}
