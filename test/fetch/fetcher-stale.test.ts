// Kept-alive connections the server closed before the client noticed (a long synchronous stage, a
// server with a short keep-alive): GET is idempotent, so the fetcher retries on another connection
// instead of failing the poll (without the retry, the four-connection case fails).
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/fetcher';

let server: Server | null = null;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(null));
  server = null;
});

async function keepAliveServer() {
  const sockets = new Set<Socket>();
  server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', connection: 'keep-alive' }).end('ok');
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  /** Closes every idle connection on the server's side; the client has not noticed yet. */
  const dropIdle = () => {
    for (const s of sockets) s.destroy();
    return sockets.size;
  };
  return { url, dropIdle, sockets };
}

describe('fetcher: stale kept-alive connections', () => {
  it('one fetch after several pooled connections were closed: it finds a live one', async () => {
    const { url, dropIdle } = await keepAliveServer();
    const fetcher = createFetcher({ userAgent: 'RasedTest', perHostLimit: 4, globalLimit: 4 });
    try {
      for (let round = 0; round < 10; round++) {
        await Promise.all(Array.from({ length: 4 }, (_, i) => fetcher.fetch({ url: `${url}/w${round}-${i}` })));
        expect(dropIdle()).toBeGreaterThanOrEqual(2); // at least two stale: one retry alone is not enough
        const r = await fetcher.fetch({ url: `${url}/one-${round}` });
        expect(r.kind === 'ok' ? 'ok' : r.kind === 'failed' ? r.reason : r.kind).toBe('ok');
      }
    } finally {
      await fetcher.close();
    }
  });

  it.each([1, 4])('%i pooled connection(s) closed by the server: every next fetch still succeeds', async (n) => {
    const { url, dropIdle } = await keepAliveServer();
    const fetcher = createFetcher({ userAgent: 'RasedTest', perHostLimit: n, globalLimit: n });
    try {
      // Open n connections and leave them idle in the pool.
      const warm = await Promise.all(Array.from({ length: n }, (_, i) => fetcher.fetch({ url: `${url}/w${i}` })));
      expect(warm.every((r) => r.kind === 'ok')).toBe(true);
      for (let round = 0; round < 5; round++) {
        dropIdle();
        // Same tick: the client has not read the close yet when it reuses the sockets.
        const results = await Promise.all(
          Array.from({ length: n }, (_, i) => fetcher.fetch({ url: `${url}/r${round}-${i}` })),
        );
        expect(results.map((r) => (r.kind === 'ok' ? 'ok' : r.kind === 'failed' ? r.reason : r.kind))).toEqual(
          Array.from({ length: n }, () => 'ok'),
        );
      }
    } finally {
      await fetcher.close();
    }
  });
});
