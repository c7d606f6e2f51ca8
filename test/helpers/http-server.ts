// A real HTTP server on 127.0.0.1, port chosen by the OS, for tests that need one.
//
//   const server = await startServer((req, res) => res.end('hello'));
//   await fetcher.fetch({ url: `${server.url}/feed.xml` });
//   expect(server.requests[0]?.headers['user-agent']).toContain('Rased');
//   await server.close();
//
// `url` has no trailing slash. Every request is recorded before the handler runs. close() also
// drops open connections, so a handler that never answers cannot hang the test run.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  /** Path and query, e.g. "/feed.xml?x=1". */
  readonly url: string;
  /** Lower-cased header names, as Node gives them. */
  readonly headers: IncomingHttpHeaders;
}

export interface TestServer {
  /** e.g. "http://127.0.0.1:40123". */
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** May be async; its return value is ignored except for rejections (answered with a 500). */
export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      // A throwing handler is a bug in the test: answer 500 so the failure shows up as a status.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
