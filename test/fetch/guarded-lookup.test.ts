// The connect-time half of the address guard: the addresses a connection would use are checked
// too, so a name that resolved to a public address for the URL check cannot connect to a private one.
import { describe, expect, it } from 'vitest';
import { createGuardedLookup } from '../../src/fetch/address-guard';
import { createFetcher } from '../../src/fetch/fetcher';
import { ADDRESS_REFUSED_CODE } from '../../src/fetch/types';

const lookup = createGuardedLookup();
const resolve = (host: string, all: boolean) =>
  new Promise<{ err: (Error & { code?: string }) | null; result: unknown }>((done) =>
    lookup(host, { all }, (err, result) => done({ err: err as (Error & { code?: string }) | null, result })),
  );

describe('createGuardedLookup', () => {
  it.each([
    ['localhost', true],
    ['localhost', false],
    ['127.0.0.1', false],
  ])('refuses %s (all: %s) with ADDRESS_REFUSED_CODE', async (host, all) => {
    const { err } = await resolve(host, all);
    expect(err?.code).toBe(ADDRESS_REFUSED_CODE);
    expect(err?.message).toMatch(/only public addresses are fetched/);
  });

  it('a fetch through it fails for good with the reason, without a request', async () => {
    const fetcher = createFetcher({ userAgent: 'Rased/test', lookup, totalTimeoutMs: 3000 });
    const r = await fetcher.fetch({ url: 'http://localhost:9/feed' });
    await fetcher.close();
    expect(r).toMatchObject({ kind: 'failed', retryable: false });
    if (r.kind === 'failed') expect(r.reason).toMatch(/refused http:\/\/localhost:9\/feed: localhost resolves to/);
  });
});
