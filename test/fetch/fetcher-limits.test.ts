import { createServer, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../../src/fetch/fetcher';
import { type Handler, startServer, type TestServer } from '../helpers/http-server';

const KB = 1024;
const fetcher = createFetcher({
  userAgent: 'Rased/0.1 (+test)',
  connectTimeoutMs: 200,
  totalTimeoutMs: 400,
  maxBodyBytes: 64 * KB,
});

let handler: Handler = (_req, res) => res.end();
let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => handler(req, res));
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fetcher: timeouts', () => {
  it('gives up on a server that sends headers too late', async () => {
    handler = async (_req, res) => {
      await sleep(1500);
      res.end('too late');
    };
    const url = `${server.url}/slow-headers`;
    const result = await fetcher.fetch({ url });
    expect(result).toEqual({
      kind: 'failed',
      reason: `timed out after 400 ms fetching ${url}`,
      status: null,
      retryable: true,
      elapsedMs: expect.any(Number),
    });
    expect(result.elapsedMs).toBeGreaterThanOrEqual(380);
    expect(result.elapsedMs).toBeLessThan(1000);
  });

  it('gives up on a body that trickles in: the total timeout includes the body', async () => {
    handler = async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      for (let i = 0; i < 30 && !res.destroyed; i++) {
        res.write('<item/>');
        await sleep(50);
      }
      res.end();
    };
    const result = await fetcher.fetch({ url: `${server.url}/trickle` });
    expect(result).toMatchObject({ kind: 'failed', retryable: true });
    expect(result.kind === 'failed' && result.reason).toMatch(/^timed out after 400 ms fetching /);
    expect(result.elapsedMs).toBeLessThan(1000);
  });

  it('gives up connecting when the TLS handshake never completes', async () => {
    // Accepts TCP connections and never says a word: the connect phase (TCP + TLS) cannot finish.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const url = `https://127.0.0.1:${port}/feed`;
    // The total timeout is longer here so the connect timeout is what fires. undici runs connect
    // timers on a coarse clock (about 1 s resolution), so 200 ms becomes about a second.
    const patient = createFetcher({ userAgent: 'Rased/0.1 (+test)', connectTimeoutMs: 200, totalTimeoutMs: 5000 });
    const result = await patient.fetch({ url });
    expect(result).toMatchObject({ kind: 'failed', reason: `timed out after 200 ms connecting to ${url}` });
    expect(result.elapsedMs).toBeLessThan(2500);
    // And when the total timeout is shorter, it wins: the fetch does not wait for the connect timer.
    const hasty = await fetcher.fetch({ url });
    expect(hasty).toMatchObject({ kind: 'failed', reason: `timed out after 400 ms fetching ${url}` });
    expect(hasty.elapsedMs).toBeLessThan(800);
    await patient.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
});

describe('fetcher: body size', () => {
  it('refuses a body announced larger than the limit without reading it', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': String(1024 * KB) });
      res.write(Buffer.alloc(16 * KB, 'a'));
      // Never finish: the fetcher must not wait for the rest.
    };
    const url = `${server.url}/big`;
    const result = await fetcher.fetch({ url });
    expect(result).toMatchObject({
      kind: 'failed',
      reason: `body larger than 64 KB from ${url} (Content-Length 1048576)`,
      status: 200,
      retryable: false,
    });
    expect(result.elapsedMs).toBeLessThan(300);
  });

  it('stops reading a chunked body as soon as it passes the limit', async () => {
    let written = 0;
    handler = async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      while (written < 10 * 1024 * KB && !res.destroyed) {
        const ok = res.write(Buffer.alloc(8 * KB, 'b'));
        written += 8 * KB;
        if (!ok) await sleep(5);
      }
      res.end();
    };
    const url = `${server.url}/endless`;
    const result = await fetcher.fetch({ url });
    expect(result).toMatchObject({ kind: 'failed', reason: `body larger than 64 KB from ${url}`, retryable: false });
    expect(written).toBeLessThan(2 * 1024 * KB);
  });

  it('accepts a body exactly at the limit', async () => {
    handler = (_req, res) => res.end(Buffer.alloc(64 * KB, 'c'));
    const result = await fetcher.fetch({ url: `${server.url}/exact` });
    expect(result.kind === 'ok' && result.body.length).toBe(64 * KB);
  });

  it('stops a gzip bomb at the limit on the decompressed bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * KB)); // 50 MB of zeros in ~50 KB
    handler = (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    };
    expect(bomb.length).toBeLessThan(64 * KB);
    const before = process.memoryUsage().rss;
    const result = await fetcher.fetch({ url: `${server.url}/bomb` });
    expect(result).toMatchObject({ kind: 'failed', retryable: false });
    expect(result.kind === 'failed' && result.reason).toMatch(/^body larger than 64 KB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * KB);
  });
});

describe('fetcher: broken connections', () => {
  it('reports a connection reset in the middle of the body as a retryable failure', async () => {
    handler = async (req, res) => {
      res.writeHead(200, { 'content-length': '10000' });
      res.write('x'.repeat(1000));
      await sleep(20);
      req.socket.destroy();
    };
    const url = `${server.url}/reset`;
    expect(await fetcher.fetch({ url })).toMatchObject({
      kind: 'failed',
      reason: `connection closed by the server fetching ${url}`,
      retryable: true,
    });
  });
});
