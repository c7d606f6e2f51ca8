// End to end: real server on 127.0.0.1 → real fetcher → decoding → parsing → SQLite.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app';
import { startServer, type TestServer } from '../helpers/http-server';

interface FakeArticle {
  id: string;
  title: string;
  link: string;
  date: string;
  body?: string;
}

const longBody = (s: string) => `<p>${s}</p><p>${'تفاصيل إضافية عن الحدث في المدينة. '.repeat(20)}</p>`;

function rss(articles: FakeArticle[]): string {
  const items = articles
    .map(
      (a) =>
        `<item><title>${a.title}</title><link>${a.link}</link><guid isPermaLink="false">${a.id}</guid>` +
        `<pubDate>${a.date}</pubDate><content:encoded><![CDATA[${a.body ?? longBody(a.title)}]]></content:encoded></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title><link>http://x/</link>${items}</channel></rss>`;
}

/** A feed server whose content the test changes; ETag follows the content. */
async function feedServer() {
  let body = '';
  let version = 0;
  const mode: { status: number; headers?: Record<string, string> } = { status: 200 };
  const server = await startServer((req, res) => {
    if (mode.status !== 200) {
      res.writeHead(mode.status, mode.headers ?? {}).end('error');
      return;
    }
    const etag = `"v${version}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
  });
  return {
    server,
    mode,
    set(articles: FakeArticle[]) {
      body = rss(articles);
      version++;
    },
  };
}

const A: FakeArticle[] = [
  { id: 'g1', title: 'اشتباكات في الحسكة', link: 'https://news.example/a/1', date: 'Fri, 20 Nov 2026 06:00:00 GMT' },
  { id: 'g2', title: 'قصف على إدلب', link: 'https://news.example/a/2', date: 'Fri, 20 Nov 2026 07:00:00 GMT' },
  {
    id: 'g3',
    title: 'Aid convoy reaches Raqqa',
    link: 'https://news.example/a/3',
    date: 'Fri, 20 Nov 2026 08:00:00 GMT',
  },
];

let server: TestServer | null = null;
const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  await server?.close();
  server = null;
});

const yaml = (url: string, extra = '') =>
  `sources:\n  - { id: s1, name: Source One, url: "${url}", every: 5m${extra} }\n`;
const count = (t: TestApp) => t.app.articles.count();

describe('polling a feed end to end', () => {
  it('stores the first poll silently, then announces only what is new', async () => {
    const f = await feedServer();
    server = f.server;
    f.set(A);
    const t = startTestApp(yaml(`${f.server.url}/feed`));
    apps.push(t);

    const [r1] = await t.app.scheduler.runOnce();
    expect(r1).toMatchObject({ outcome: 'ok', fetched: 3, new: 3, announced: 0 });
    expect(t.lines).toEqual([]); // no flood on the first poll

    const [r2] = await t.app.scheduler.runOnce();
    expect(r2).toMatchObject({ outcome: 'not-modified' });
    expect(f.server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');

    // A new article, the feed re-ordered, and a known one re-linked with tracking parameters.
    const next: FakeArticle[] = [
      { id: 'g4', title: 'غارة قرب القامشلي', link: 'https://news.example/a/4', date: 'Fri, 20 Nov 2026 09:00:00 GMT' },
      { ...A[2]!, id: 'g3-new-guid', link: 'https://NEWS.example:443/a/3/?utm_source=rss&fbclid=x#top' },
      A[0]!,
      A[1]!,
    ];
    f.set(next);
    const [r3] = await t.app.scheduler.runOnce();
    expect(r3).toMatchObject({ outcome: 'ok', fetched: 4, new: 1, announced: 1 });
    expect(count(t)).toBe(4);
    expect(t.lines.join('\n')).toContain('غارة قرب القامشلي');
    expect(t.lines.filter((l) => l.startsWith('📰'))).toHaveLength(1);
  });

  it('announces the newest `backfill` articles of the first poll', async () => {
    const f = await feedServer();
    server = f.server;
    f.set(A);
    const t = startTestApp(yaml(`${f.server.url}/feed`, ', backfill: 2'));
    apps.push(t);
    const [r] = await t.app.scheduler.runOnce();
    expect(r).toMatchObject({ new: 3, announced: 2 });
    const out = t.lines.join('\n');
    expect(out).toContain('Aid convoy reaches Raqqa');
    expect(out).toContain('قصف على إدلب');
    expect(out).not.toContain('اشتباكات في الحسكة');
  });

  it('restarts without duplicates: a second process run stores nothing new', async () => {
    const f = await feedServer();
    server = f.server;
    f.set(A);
    const t = startTestApp(yaml(`${f.server.url}/feed`));
    await t.app.scheduler.runOnce();
    const t2 = t.restart();
    apps.push(t2);
    f.set(A); // new ETag, same articles: a full refetch
    const [r] = await t2.app.scheduler.runOnce();
    expect(r).toMatchObject({ outcome: 'ok', fetched: 3, new: 0 });
    expect(count(t2)).toBe(3);
  });

  it('updates an edited article in place and never announces it again', async () => {
    const f = await feedServer();
    server = f.server;
    f.set(A);
    const t = startTestApp(yaml(`${f.server.url}/feed`, ', backfill: 3'));
    apps.push(t);
    await t.app.scheduler.runOnce();
    const announcedBefore = t.lines.length;
    f.set([{ ...A[0]!, title: 'اشتباكات عنيفة في الحسكة (محدث)' }, A[1]!, A[2]!]);
    const [r] = await t.app.scheduler.runOnce();
    expect(r).toMatchObject({ new: 0, updated: 1 });
    expect(t.lines.length).toBe(announcedBefore);
    expect(t.app.articles.publishedSince(0).map((a) => a.title)).toContain('اشتباكات عنيفة في الحسكة (محدث)');
  });

  it.each([
    [500, {}, /HTTP 500/],
    [404, {}, /HTTP 404/],
    [429, { 'retry-after': '3600' }, /rate limited \(HTTP 429\), retry after 3600s/],
  ])('records HTTP %i as source health, not a crash', async (status, headers, message) => {
    const f = await feedServer();
    server = f.server;
    f.mode.status = status;
    f.mode.headers = headers;
    const t = startTestApp(yaml(`${f.server.url}/feed`));
    apps.push(t);
    const before = Date.now();
    const [r] = await t.app.scheduler.runOnce();
    expect(r?.outcome).toBe('failed');
    const h = t.app.health();
    expect(h.status).toBe('degraded');
    expect(h.sources[0]).toMatchObject({ status: 'failing', consecutiveFailures: 1 });
    expect(h.sources[0]!.lastError).toMatch(message);
    if (status === 429) expect(h.sources[0]!.nextPollAt!).toBeGreaterThanOrEqual(before + 3_600_000);
  });

  it('a feed that does not parse is a per-source error; other sources still poll', async () => {
    const s = await startServer((req, res) => {
      if (req.url === '/bad')
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Moved</body></html>');
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(A));
    });
    server = s;
    const t = startTestApp(
      `sources:\n  - { id: bad, name: Bad, url: "${s.url}/bad" }\n  - { id: good, name: Good, url: "${s.url}/good" }\n`,
    );
    apps.push(t);
    const reports = await t.app.scheduler.runOnce();
    const by = Object.fromEntries(reports.map((r) => [r.sourceId, r]));
    expect(by.bad).toMatchObject({ outcome: 'failed' });
    expect(by.bad!.error).toMatch(/cannot parse feed: an HTML page/);
    expect(by.good).toMatchObject({ outcome: 'ok', new: 3 });
  });

  it('fetches the page of an excerpt-only article and stores its extracted text', async () => {
    const page = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>قصف على أطراف كنصفرة - موقع</title>
      <link rel="canonical" href="/news/kansafra"></head><body><nav><a href="/">الرئيسية</a> <a href="/s">سوريا</a></nav>
      <article><h1>قصف على أطراف كنصفرة</h1>
      <p>أصيب ثلاثة مدنيين بقصف مدفعي استهدف أطراف بلدة كنصفرة في جبل الزاوية جنوبي إدلب صباح اليوم، وفق الدفاع المدني السوري.</p>
      <p>وقال الدفاع المدني إن فرقه نقلت المصابين إلى مستشفى في مدينة أريحا، وإن القصف طال منازل ومزارع في محيط البلدة.</p>
      <p>وتتعرض قرى جبل الزاوية لقصف متكرر منذ أشهر رغم اتفاق وقف إطلاق النار، بحسب ناشطين من المنطقة.</p>
      <aside class="related"><h3>اقرأ أيضاً</h3><ul><li><a href="/x">خبر آخر لا علاقة له</a></li></ul></aside></article>
      <footer>جميع الحقوق محفوظة © 2026</footer></body></html>`;
    const s = await startServer((req, res) => {
      if (req.url === '/feed') {
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(
            `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>قصف على أطراف كنصفرة</title>` +
              `<link>${s.url}/news/kansafra?utm_campaign=x</link><description>أصيب ثلاثة مدنيين بقصف...</description></item></channel></rss>`,
          );
      } else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    server = s;
    const t = startTestApp(yaml(`${s.url}/feed`));
    apps.push(t);
    const [r] = await t.app.scheduler.runOnce();
    expect(r).toMatchObject({ outcome: 'ok', new: 1 });
    const [a] = t.app.articles.publishedSince(0);
    expect(a!.text).toContain('نقلت المصابين إلى مستشفى في مدينة أريحا');
    expect(a!.text.startsWith('أصيب ثلاثة مدنيين')).toBe(true); // the page's repeated headline is dropped
    expect(a!.text).not.toContain('اقرأ أيضاً');
    expect(a!.text).not.toContain('جميع الحقوق محفوظة');
    expect(a!.lang).toBe('ar');
    expect(a!.url).toBe(`${s.url}/news/kansafra`);
  });

  it('refuses a source on a loopback address unless ALLOW_PRIVATE_SOURCES=true', async () => {
    const f = await feedServer();
    server = f.server;
    f.set(A);
    const t = startTestApp(yaml(`${f.server.url}/feed`), { env: { ALLOW_PRIVATE_SOURCES: 'false' } });
    apps.push(t);
    const [r] = await t.app.scheduler.runOnce();
    expect(r?.outcome).toBe('failed');
    expect(r?.error).toMatch(/127\.0\.0\.1 is an internal address \(loopback\); only public addresses are fetched/);
    expect(f.server.requests).toHaveLength(0);
  });

  it('an unreachable source is failing health with the reason', async () => {
    const t = startTestApp(yaml('http://127.0.0.1:9/feed'));
    apps.push(t);
    const [r] = await t.app.scheduler.runOnce();
    expect(r?.outcome).toBe('failed');
    expect(t.app.health().sources[0]).toMatchObject({ status: 'failing' });
    expect(t.app.health().sources[0]!.lastError).toMatch(/127\.0\.0\.1:9/);
  });
});
