import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookupAsync } from 'node:dns/promises';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from '../../errors.js';

/** Resolves a host name to every address it has (the shape of `dns.promises.lookup(host, { all: true })`). */
export type Resolve = (
  hostname: string,
  options?: { family?: number; hints?: number },
) => Promise<LookupAddress[]>;

const defaultResolve: Resolve = (hostname, options = {}) =>
  dnsLookupAsync(hostname, { ...options, all: true });

/**
 * Ranges no webhook may reach beyond those ipaddr.js already names (private, loopback, link-local
 * incl. the metadata service 169.254.169.254, CGNAT, unspecified, multicast, broadcast, reserved and
 * documentation ranges, unique-local, …): everything not `unicast` there is refused.
 */
const ALSO_FORBIDDEN = [
  '198.18.0.0/15', // benchmarking, used as internal space by some networks
  '::/96', // deprecated IPv4-compatible (`::a.b.c.d`)
  'fec0::/10', // deprecated site-local
  '64:ff9b:1::/48', // local-use NAT64: reaches whatever the local translator serves
  '100::/64', // discard-only
].map((cidr) => ipaddr.parseCIDR(cidr));

/** IPv6 forms that carry an IPv4 address: they are as forbidden as the address they carry. */
function embeddedV4(ip: ipaddr.IPv6, range: string): ipaddr.IPv4 | undefined {
  const bytes = ip.toByteArray();
  if (range === 'ipv4Mapped' || range === 'rfc6052') return new ipaddr.IPv4(bytes.slice(12, 16));
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  return undefined;
}

function isPublic(ip: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (ALSO_FORBIDDEN.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return false;
  const range = ip.range();
  if (range === 'unicast') return true;
  if (ip.kind() === 'ipv6') {
    const carried = embeddedV4(ip as ipaddr.IPv6, range);
    return carried !== undefined && isPublic(carried);
  }
  return false;
}

/**
 * True when a webhook must not connect to this IP address: anything but public unicast, for IPv4
 * and IPv6. IPv6 forms that carry an IPv4 address (mapped `::ffff:10.0.0.1`, NAT64 `64:ff9b::/96`,
 * 6to4) follow the IPv4 rules; IPv4-translated (`::ffff:0:0/96`), Teredo and IPv4-compatible
 * addresses are refused outright. Anything that is not an IP address is forbidden too (fail closed).
 */
export function isForbiddenAddress(ip: string): boolean {
  const bare = ip.split('%')[0] ?? '';
  // isIP first: ipaddr.js also accepts forms no resolver returns (octal, short `1.2.3`).
  if (isIP(bare) === 0) return true;
  try {
    return !isPublic(ipaddr.parse(bare));
  } catch {
    return true;
  }
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
