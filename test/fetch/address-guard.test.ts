// The address guard: a table of addresses, hostnames resolving (through an injected lookup) to
// internal and public addresses, and the real fetcher following a redirect into one.
import { afterEach, describe, expect, it } from 'vitest';
import { createAddressGuard, internalRange, type Lookup, parseIp } from '../../src/fetch/address-guard';
import { createFetcher } from '../../src/fetch/fetcher';
import type { CheckUrl } from '../../src/fetch/types';
import { startServer, type TestServer } from '../helpers/http-server';

/** A DNS that knows a few names; anything else does not resolve. */
const fakeDns: Record<string, string[]> = {
  'news.example': ['93.184.216.34'],
  'dual.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'intranet.example': ['192.168.1.10'],
  'metadata.example': ['169.254.169.254'],
  'sneaky.example': ['93.184.216.34', '10.0.0.7'],
  'v6-private.example': ['fd12:3456::1'],
  'mapped.example': ['::ffff:127.0.0.1'],
};
const lookup: Lookup = async (host) => {
  const addresses = fakeDns[host];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const guard = createAddressGuard({ allowPrivate: false, lookup });

describe('internalRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.254', 'CGNAT'],
    ['0.0.0.0', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd00:ab::9', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback, embedded in IPv6'],
    ['::ffff:7f00:1', 'loopback, embedded in IPv6'],
    ['::ffff:10.0.0.1', 'private, embedded in IPv6'],
    ['64:ff9b::192.168.1.1', 'private, embedded in IPv6'],
    ['2002:a00:1::', 'private, embedded in IPv6'],
    ['::127.0.0.1', 'loopback, embedded in IPv6'],
  ])('%s is internal (%s)', (address, range) => {
    expect(internalRange(parseIp(address)!)).toBe(range);
  });

  it.each([
    '8.8.8.8',
    '93.184.216.34',
    '172.32.0.1',
    '100.128.0.1',
    '192.169.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '2001:4860:4860::8888',
  ])('%s is public', (address) => {
    expect(internalRange(parseIp(address)!)).toBeNull();
  });

  it.each(['1.2.3', '256.1.1.1', '1:2:3', '1::2::3', 'example.org', '12345::'])('%s is not an address', (s) => {
    expect(parseIp(s)).toBeNull();
  });
});

describe('createAddressGuard', () => {
  it.each([
    ['https://news.example/feed', null],
    ['http://dual.example/', null],
    ['https://93.184.216.34/', null],
    ['ftp://news.example/feed', 'scheme "ftp:" is not allowed'],
    ['file:///etc/passwd', 'scheme "file:" is not allowed'],
    ['http://localhost:8080/', 'localhost is this machine'],
    ['http://api.localhost/', 'api.localhost is this machine'],
    ['http://127.0.0.1/', '127.0.0.1 is an internal address (loopback)'],
    ['http://2130706433/', '127.0.0.1 is an internal address (loopback)'],
    ['http://0x7f.1/', '127.0.0.1 is an internal address (loopback)'],
    ['http://[::1]:3000/', '::1 is an internal address (loopback)'],
    ['http://[::ffff:169.254.169.254]/', 'internal address (link-local, embedded in IPv6)'],
    ['http://0.0.0.0/', 'internal address (this network)'],
    ['https://intranet.example/rss', 'intranet.example resolves to 192.168.1.10 (private)'],
    ['https://metadata.example/latest', 'resolves to 169.254.169.254 (link-local)'],
    ['https://sneaky.example/', 'resolves to 10.0.0.7 (private)'],
    ['https://v6-private.example/', 'resolves to fd12:3456::1 (unique-local)'],
    ['https://mapped.example/', 'resolves to ::ffff:127.0.0.1 (loopback, embedded in IPv6)'],
    ['https://nowhere.example/', 'cannot resolve nowhere.example (ENOTFOUND)'],
  ])('%s → %s', async (url, expected) => {
    const verdict = await guard(url, 0);
    if (expected === null) expect(verdict).toBeNull();
    else expect(verdict).toContain(expected);
  });

  it('says how to lift the refusal', async () => {
    expect(await guard('https://intranet.example/', 0)).toContain('ALLOW_PRIVATE_SOURCES=true');
  });

  it('with allowPrivate only refuses other schemes, and never resolves', async () => {
    const open = createAddressGuard({
      allowPrivate: true,
      lookup: () => Promise.reject(new Error('must not resolve')),
    });
    expect(await open('http://127.0.0.1/', 0)).toBeNull();
    expect(await open('https://intranet.example/', 0)).toBeNull();
    expect(await open('gopher://x/', 0)).toContain('not allowed');
  });
});

describe('the fetcher with the guard', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  /** The test server itself lives on loopback: only its exact origin is let through. */
  const exceptOrigin =
    (origin: string, check: CheckUrl): CheckUrl =>
    (url, hop) =>
      new URL(url).origin === origin ? Promise.resolve(null) : check(url, hop);

  it.each([
    ['a host resolving to a private address', 'http://intranet.example:1/rss', 'resolves to 192.168.1.10'],
    ['a loopback literal', 'http://127.0.0.2:1/rss', 'internal address (loopback)'],
    ['localhost', 'http://localhost:1/rss', 'localhost is this machine'],
  ])('refuses a redirect into %s and never requests it', async (_what, target, reason) => {
    server = await startServer((_req, res) => res.writeHead(302, { location: target }).end());
    const fetcher = createFetcher({ userAgent: 'RasedTest', checkUrl: exceptOrigin(server.url, guard) });
    const res = await fetcher.fetch({ url: `${server.url}/feed` });
    await fetcher.close();
    expect(res).toMatchObject({ kind: 'failed', retryable: false });
    expect(res.kind === 'failed' && res.reason).toContain(`refused redirect to ${target}`);
    expect(res.kind === 'failed' && res.reason).toContain(reason);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses the first URL when it is internal', async () => {
    server = await startServer((_req, res) => res.end('secret'));
    const fetcher = createFetcher({ userAgent: 'RasedTest', checkUrl: guard });
    const res = await fetcher.fetch({ url: `${server.url}/admin` });
    await fetcher.close();
    expect(res.kind === 'failed' && res.reason).toContain('127.0.0.1 is an internal address (loopback)');
    expect(server.requests).toHaveLength(0);
  });

  it('fetches loopback and follows redirects on it when ALLOW_PRIVATE_SOURCES lifts the guard', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/feed') res.writeHead(302, { location: '/moved' }).end();
      else res.end('ok');
    });
    const fetcher = createFetcher({ userAgent: 'RasedTest', checkUrl: createAddressGuard({ allowPrivate: true }) });
    const res = await fetcher.fetch({ url: `${server.url}/feed` });
    await fetcher.close();
    expect(res).toMatchObject({ kind: 'ok', status: 200, url: `${server.url}/moved` });
  });
});
