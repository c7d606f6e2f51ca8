// Refuses URLs that would make the server fetch from itself or its private network (SSRF): sources
// added from chat are untrusted input. A CheckUrl for the fetcher, which calls it for the requested
// URL and for every redirect target, so a public page cannot redirect into the network either.
// Refused: schemes other than http(s); "localhost" and *.localhost; literal IPs and hostnames
// resolving (any of their addresses) to loopback, private (RFC 1918), CGNAT (RFC 6598), link-local,
// unique-local (RFC 4193), unspecified, multicast, broadcast, reserved and documentation ranges, and
// the IPv4 forms embedded in IPv6 (mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16).
// A name that does not resolve is refused too (fail closed).
//
// DNS rebinding: the name is resolved here and again by the connection, so a hostile DNS server could
// answer a public address to this check and a private one to the connect a moment later. The fetcher
// therefore also connects through `createGuardedLookup`, which runs the same range check on the very
// addresses the connection uses. ALLOW_PRIVATE_SOURCES=true turns the address checks off for
// self-hosted setups and tests.
import { lookup as dnsCallbackLookup, type LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { ADDRESS_REFUSED_CODE, type CheckUrl } from './types';

export type Lookup = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

export interface AddressGuardDeps {
  readonly allowPrivate: boolean;
  /** Resolves a name to all its addresses (default: node:dns/promises lookup with all: true). */
  readonly lookup?: Lookup;
}

const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export function createAddressGuard(deps: AddressGuardDeps): CheckUrl {
  const lookup = deps.lookup ?? systemLookup;
  return async (url) => {
    const u = URL.parse(url);
    if (!u) return `invalid URL: ${url}`;
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return `scheme "${u.protocol}" is not allowed (http, https)`;
    if (deps.allowPrivate) return null;
    // WHATWG URL already normalized odd IPv4 forms (2130706433, 0x7f.1) and compressed IPv6.
    const host = u.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost')) return refuse(host, 'is this machine');
    const literal = parseIp(host);
    if (literal) {
      const range = internalRange(literal);
      return range ? refuse(host, `is an internal address (${range})`) : null;
    }
    let addresses: readonly { address: string }[];
    try {
      addresses = await lookup(host.replace(/\.$/, ''));
    } catch (err) {
      return `cannot resolve ${host} (${(err as { code?: string }).code ?? (err as Error).message})`;
    }
    if (addresses.length === 0) return `cannot resolve ${host} (no addresses)`;
    for (const { address } of addresses) {
      const ip = parseIp(address);
      const range = ip ? internalRange(ip) : 'unparseable address';
      if (range) return refuse(host, `resolves to ${address} (${range})`);
    }
    return null;
  };
}

/**
 * A connection-time lookup (undici Agent `connect.lookup`) that refuses internal addresses, so the
 * address checked is the address connected to. Errors carry ADDRESS_REFUSED_CODE.
 */
export function createGuardedLookup(): LookupFunction {
  return (hostname, options, callback) => {
    dnsCallbackLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      for (const { address } of list) {
        const ip = parseIp(address);
        const range = ip ? internalRange(ip) : 'unparseable address';
        if (range) {
          const refused = new Error(refuse(hostname, `resolves to ${address} (${range})`));
          return callback(Object.assign(refused, { code: ADDRESS_REFUSED_CODE }), '', 0);
        }
      }
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`cannot resolve ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      if (options.all) callback(null, list);
      else callback(null, first.address, first.family);
    });
  };
}

function refuse(host: string, why: string): string {
  return `${host} ${why}; only public addresses are fetched (ALLOW_PRIVATE_SOURCES=true lifts this)`;
}

/** An address as 4 (IPv4) or 16 (IPv6) bytes, or null. */
type Ip = { v: 4; b: number[] } | { v: 6; b: number[] };

export function parseIp(s: string): Ip | null {
  const v4 = parseV4(s);
  if (v4) return { v: 4, b: v4 };
  const v6 = parseV6(s.replace(/%.*$/, ''));
  return v6 ? { v: 6, b: v6 } : null;
}

function parseV4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function parseV6(s: string): number[] | null {
  if (!s.includes(':')) return null;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseV4(s.slice(lastColon + 1));
    if (!v4) return null;
    tail = v4;
    s = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h ? h.split(':') : []);
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  const bytes = all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** [first bytes, prefix length in bits, name]: the ranges a public source never lives in. */
const V4_RANGES: readonly [number[], number, string][] = [
  [[0], 8, 'this network'],
  [[10], 8, 'private'],
  [[100, 64], 10, 'CGNAT'],
  [[127], 8, 'loopback'],
  [[169, 254], 16, 'link-local'],
  [[172, 16], 12, 'private'],
  [[192, 0, 0], 24, 'IETF protocol assignments'],
  [[192, 0, 2], 24, 'documentation'],
  [[192, 168], 16, 'private'],
  [[198, 18], 15, 'benchmarking'],
  [[198, 51, 100], 24, 'documentation'],
  [[203, 0, 113], 24, 'documentation'],
  [[224], 4, 'multicast'],
  [[240], 4, 'reserved'],
];

const V6_RANGES: readonly [number[], number, string][] = [
  [[], 128, 'unspecified'],
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128, 'loopback'],
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, 'discard'],
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'documentation'],
  [[0xfc], 7, 'unique-local'],
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'site-local'],
  [[0xff], 8, 'multicast'],
];

function inPrefix(bytes: readonly number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const mask = bits - i * 8 >= 8 ? 0xff : (0xff << (8 - (bits - i * 8))) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** The name of the internal range holding `ip`, or null for a public address. */
export function internalRange(ip: Ip): string | null {
  if (ip.v === 4) return V4_RANGES.find(([p, bits]) => inPrefix(ip.b, p, bits))?.[2] ?? null;
  const embedded = embeddedV4(ip.b);
  if (embedded) {
    const range = internalRange({ v: 4, b: embedded });
    return range ? `${range}, embedded in IPv6` : null;
  }
  return V6_RANGES.find(([p, bits]) => inPrefix(ip.b, p, bits))?.[2] ?? null;
}

/** IPv4 inside IPv6: mapped (::ffff:a.b.c.d), compatible, NAT64 (64:ff9b::a.b.c.d), 6to4 (2002:aabb:ccdd::). */
function embeddedV4(b: readonly number[]): number[] | null {
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return b.slice(12, 16);
  // Deprecated IPv4-compatible form (::a.b.c.d), except :: and ::1 themselves.
  if (zeros(0, 12) && !zeros(12, 15)) return b.slice(12, 16);
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return b.slice(12, 16);
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6);
  return null;
}
