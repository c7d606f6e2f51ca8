import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/fetcher';
import { ADDRESS_REFUSED_CODE } from '../../src/fetch/types';
import { startServer, type TestServer } from '../helpers/http-server';

// A lookup that knows two names: feed.test is served on 127.0.0.1, evil.test is refused the way an
// address guard pinning its check into the connection would refuse it.
const lookup: LookupFunction = (hostname, options, callback) => {
  if (hostname === 'evil.test') {
    const err = Object.assign(new Error('evil.test resolves to 10.0.0.1, a private address'), {
      code: ADDRESS_REFUSED_CODE,
    });
    callback(err, '', 4);
    return;
  }
  if (hostname !== 'feed.test') {
    callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
    return;
  }
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

let server: TestServer;
const fetcher = createFetcher({ userAgent: 'Rased/0.1 (+test)', totalTimeoutMs: 2000, lookup });
beforeAll(async () => {
  server = await startServer((req, res) => res.end(`host ${req.headers.host}`));
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('fetcher: the lookup dependency', () => {
  const port = () => new URL(server.url).port;

  it('connects through the given lookup', async () => {
    const result = await fetcher.fetch({ url: `http://feed.test:${port()}/feed` });
    expect(result.kind === 'ok' && new TextDecoder().decode(result.body)).toBe(`host feed.test:${port()}`);
  });

  it('fails for good, with the lookup’s reason, when the lookup refuses the address', async () => {
    const url = `http://evil.test:${port()}/feed`;
    expect(await fetcher.fetch({ url })).toMatchObject({
      kind: 'failed',
      reason: `refused ${url}: evil.test resolves to 10.0.0.1, a private address`,
      retryable: false,
    });
  });

  it('reports an unknown host as retryable', async () => {
    const url = `http://nowhere.test:${port()}/feed`;
    expect(await fetcher.fetch({ url })).toMatchObject({
      kind: 'failed',
      reason: `host name not found fetching ${url}`,
      retryable: true,
    });
  });
});
