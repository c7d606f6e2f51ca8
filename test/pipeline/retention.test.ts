import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { startServer, type TestServer } from '../helpers/http-server';

let server: TestServer | null = null;
let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  await server?.close();
});

const DAY = 86_400_000;

describe('retention', () => {
  it('prunes articles older than RETENTION_DAYS and keeps the recent ones', async () => {
    const now = Date.now();
    const item = (id: string, ageDays: number) =>
      `<item><title>Report ${id} on shelling in Idlib countryside</title><link>https://x.example/${id}</link><guid>${id}</guid>` +
      `<pubDate>${new Date(now - ageDays * DAY).toUTCString()}</pubDate><description>Shelling hit villages in the Idlib countryside, report ${id} says, with damage to homes and farms.</description></item>`;
    server = await startServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${item('old', 40)}${item('new', 1)}</channel></rss>`,
        ),
    );
    t = startTestApp(`sources:\n  - { id: s, name: S, url: "${server.url}/f" }\n`, { env: { RETENTION_DAYS: '30' } });
    await t.app.scheduler.runOnce();
    expect(t.app.articles.count()).toBe(2);
    expect(t.app.maintain(now).articles).toBe(1);
    expect(t.app.articles.publishedSince(0).map((a) => a.guid)).toEqual(['new']);
  });
});
