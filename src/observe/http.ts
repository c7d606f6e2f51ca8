// GET /healthz (ok / degraded with a per-source summary) and GET /metrics (Prometheus text) on PORT.
import { createServer, type Server } from 'node:http';

export interface HttpDeps {
  health: () => { status: 'ok' | 'degraded' } & Record<string, unknown>;
  metrics: () => string;
}

export function createObserveServer(deps: HttpDeps): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      const h = deps.health();
      // 200 even when degraded: one unreachable outlet must not get the whole bot restarted.
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(h));
      return;
    }
    if (path === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(deps.metrics());
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
  });
}

export function listen(server: Server, port: number, host = '0.0.0.0'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });
}
