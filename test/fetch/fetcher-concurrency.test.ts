import { afterAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/fetcher';
import { createLimiter } from '../../src/fetch/limiter';
import { startServer } from '../helpers/http-server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A server that counts how many requests it is answering at once (into `stats`, shareable). */
async function countingServer(holdMs: number, stats = { now: 0, max: 0 }) {
  const server = await startServer(async (_req, res) => {
    stats.now++;
    stats.max = Math.max(stats.max, stats.now);
    await sleep(holdMs);
    stats.now--;
    res.end('ok');
  });
  return { server, stats };
}

describe('fetcher: concurrency', () => {
  const fetcher = createFetcher({ userAgent: 'Rased/0.1 (+test)', perHostLimit: 2, globalLimit: 3 });
  afterAll(() => fetcher.close());

  it('never has more than 2 requests in flight to one host', async () => {
    const { server, stats } = await countingServer(40);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => fetcher.fetch({ url: `${server.url}/${i}` })),
    );
    expect(results.every((r) => r.kind === 'ok')).toBe(true);
    expect(stats.max).toBe(2);
    await server.close();
  });

  it('never has more than the global limit in flight across hosts', async () => {
    const all = { now: 0, max: 0 };
    const servers = await Promise.all([countingServer(40, all), countingServer(40, all), countingServer(40, all)]);
    const urls = servers.flatMap(({ server }) => [1, 2, 3].map((i) => `${server.url}/${i}`));
    const results = await Promise.all(urls.map((url) => fetcher.fetch({ url })));
    expect(results.every((r) => r.kind === 'ok')).toBe(true);
    expect(all.max).toBe(3);
    await Promise.all(servers.map(({ server }) => server.close()));
  });
});

describe('createLimiter', () => {
  it('lets a task for an idle host go ahead of tasks waiting for a busy one', async () => {
    const limiter = createLimiter({ perKey: 1, global: 2 });
    const order: string[] = [];
    const task = (name: string, ms: number) => async () => {
      order.push(`start ${name}`);
      await sleep(ms);
      order.push(`end ${name}`);
    };
    await Promise.all([
      limiter.run('a', task('a1', 30)),
      limiter.run('a', task('a2', 10)),
      limiter.run('b', task('b1', 10)),
    ]);
    expect(order.slice(0, 2)).toEqual(['start a1', 'start b1']);
    expect(order.indexOf('start a2')).toBeGreaterThan(order.indexOf('end a1'));
  });

  it('frees the slot when a task throws', async () => {
    const limiter = createLimiter({ perKey: 1, global: 1 });
    await expect(limiter.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(limiter.active).toBe(0);
    await expect(limiter.run('a', async () => 'next')).resolves.toBe('next');
  });

  it('rejects limits below 1', () => {
    expect(() => createLimiter({ perKey: 0, global: 4 })).toThrow(/at least 1/);
  });
});
