// The demo's offline news sites: serves data/samples on 127.0.0.1 with ETag support, so the
// second round of polling gets 304s like a real server.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

export interface DemoSite {
  readonly origin: string;
  readonly sources: { id: string; name: string; url: string; lang: string }[];
  readonly requests: { path: string; status: number }[];
  close(): Promise<void>;
}

interface SiteFile {
  routes: Record<string, { file: string; type: string }>;
  sources: { id: string; name: string; path: string; lang: string }[];
}

export async function startDemoSite(samplesDir: string): Promise<DemoSite> {
  const site = JSON.parse(readFileSync(join(samplesDir, 'site.json'), 'utf8')) as SiteFile;
  const requests: DemoSite['requests'] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = site.routes[path];
    if (!route) {
      requests.push({ path, status: 404 });
      res.writeHead(404).end('not found');
      return;
    }
    // ASCII-only replacement: safe in any ASCII-compatible charset (the Arabic feed is windows-1256).
    const body = Buffer.from(
      readFileSync(join(samplesDir, route.file)).toString('latin1').replaceAll('http://demo.local', origin),
      'latin1',
    );
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      requests.push({ path, status: 304 });
      res.writeHead(304, { etag }).end();
      return;
    }
    requests.push({ path, status: 200 });
    res.writeHead(200, { 'content-type': route.type, etag, 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    origin,
    sources: site.sources.map((s) => ({ id: s.id, name: s.name, url: origin + s.path, lang: s.lang })),
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
