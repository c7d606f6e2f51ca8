// kind: html — listing pages of several shapes (written for these tests, Arabic and English), the
// URL patterns, and a listing served from 127.0.0.1 (windows-1256) through fetcher, parser and pipeline.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { parseListing } from '../../src/sources/html/listing';
import { compileUrlFilter, type HtmlRules } from '../../src/sources/html/rules';
import { startTestApp, type TestApp } from '../helpers/app';
import { startServer, type TestServer } from '../helpers/http-server';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/sources/html/${name}`, import.meta.url), 'utf8');

interface Row {
  file: string;
  url: string;
  rules: HtmlRules;
  expected: { url: string; title: string; published?: string | null; imageUrl?: string | null }[];
}

const rows: [string, Row][] = [
  [
    'an Arabic WordPress front page with the default selector',
    {
      file: 'ar-wordpress.html',
      url: 'https://furat.example/category/news/',
      rules: {},
      expected: [
        {
          url: 'https://furat.example/archives/9001',
          title: 'إعادة فتح جسر الميادين أمام حركة المدنيين',
          published: null,
          imageUrl: 'https://furat.example/uploads/9001.jpg',
        },
        { url: 'https://furat.example/archives/9000?utm_source=home', title: 'انقطاع المياه عن أحياء في البوكمال' },
        { url: 'https://furat.example/archives/8999', title: 'توزيع مساعدات غذائية في ريف الحسكة' },
      ],
    },
  ],
  [
    'the same page with a date selector',
    {
      file: 'ar-wordpress.html',
      url: 'https://furat.example/category/news/',
      rules: { linkSelector: 'h2.entry-title a', dateSelector: 'time' },
      expected: [
        {
          url: 'https://furat.example/archives/9001',
          title: 'إعادة فتح جسر الميادين أمام حركة المدنيين',
          published: '2026-03-01T06:30:00.000Z',
        },
        {
          url: 'https://furat.example/archives/9000?utm_source=home',
          title: 'انقطاع المياه عن أحياء في البوكمال',
          published: '2026-03-01T04:15:00.000Z',
        },
        { url: 'https://furat.example/archives/8999', title: 'توزيع مساعدات غذائية في ريف الحسكة', published: null },
      ],
    },
  ],
  [
    'English cards with link, title and date selectors and an exclude glob',
    {
      file: 'en-cards.html',
      url: 'https://monitor.example/news/',
      rules: {
        linkSelector: 'a.card-link',
        titleSelector: '.card-title',
        dateSelector: '.date',
        exclude: ['/video/*'],
      },
      expected: [
        {
          url: 'https://monitor.example/news/2026/03/01/convoy-reaches-raqqa',
          title: 'Aid convoy reaches Raqqa after two-day delay',
          published: '2026-03-01T08:40:00.000Z',
          imageUrl: 'https://cdn.monitor.example/img/convoy.jpg',
        },
        {
          url: 'https://monitor.example/news/2026/02/28/shelling-near-manbij',
          title: 'Shelling reported near Manbij',
          published: '2026-02-28T21:05:00.000Z',
        },
        {
          url: 'https://live.monitor.example/news/2026/02/28/live-updates',
          title: 'Live updates: north-east Syria',
          published: null,
        },
      ],
    },
  ],
  [
    'an Arabic list with an include glob and Arabic-Indic dates',
    {
      file: 'ar-list-1256.html',
      url: 'http://jazira.example/index.php',
      rules: { linkSelector: 'ul.news a', dateSelector: '.d', include: ['/news.php?id=*'] },
      expected: [
        {
          url: 'http://jazira.example/news.php?id=4312',
          title: 'اجتماع لوجهاء العشائر في ريف دير الزور الشرقي',
          published: '2026-03-01T00:00:00.000Z',
        },
        {
          url: 'http://jazira.example/news.php?id=4311',
          title: 'افتتاح مدرسة جديدة في حي غويران بالحسكة',
          published: '2026-02-28T00:00:00.000Z',
        },
      ],
    },
  ],
  [
    'English headlines resolved against <base href>, one article per URL',
    {
      file: 'en-base-headlines.html',
      url: 'https://iraq.example/',
      rules: {},
      expected: [
        { url: 'https://iraq.example/en/stories/kirkuk-power-station', title: 'Kirkuk power station back online' },
        { url: 'https://iraq.example/en/stories/mosul-old-city-rebuild', title: 'Mosul old city' },
        { url: 'https://iraq.example/en/stories/basra-port-strike', title: 'Basra port workers strike over pay' },
      ],
    },
  ],
];

describe('parseListing', () => {
  it.each(rows)('%s', (_what, row) => {
    const r = parseListing(fixture(row.file), row.url, row.rules);
    expect(r.ok, r.ok ? '' : r.error).toBe(true);
    if (!r.ok) return;
    const got = r.value.articles.map((a) => ({
      url: a.url,
      title: a.title,
      published: a.published === null ? null : new Date(a.published).toISOString(),
      imageUrl: a.imageUrl,
    }));
    expect(got).toHaveLength(row.expected.length);
    for (const [i, e] of row.expected.entries()) expect(got[i]).toMatchObject(e);
    expect(r.value.articles.every((a) => a.guid === null && a.summary === '' && a.contentHtml === null)).toBe(true);
  });

  it('reads the page title and language', () => {
    const r = parseListing(fixture('ar-wordpress.html'), 'https://furat.example/category/news/');
    expect(r.ok && { title: r.value.title, lang: r.value.lang }).toEqual({
      title: 'أخبار المنطقة الشرقية – شبكة الفرات',
      lang: 'ar',
    });
  });

  it('fails with the selector named when nothing matches', () => {
    const r = parseListing(fixture('en-cards.html'), 'https://monitor.example/news/', { linkSelector: '.headline a' });
    expect(r).toEqual({
      ok: false,
      error: 'no article links on https://monitor.example/news/ matching ".headline a" (check html.linkSelector)',
    });
  });
});

describe('compileUrlFilter', () => {
  it.each([
    [{}, 'https://x.example/2026/03/story', true],
    [{}, 'https://x.example/tag/raqqa/', false],
    [{}, 'https://x.example/news/?page=3', false],
    [{ include: ['/news/*'] }, 'https://x.example/news/2026/a', true],
    [{ include: ['/news/*'] }, 'https://x.example/video/a', false],
    [{ include: ['/news/*'] }, 'https://x.example/news/?page=3', true],
    [{ include: ['archives'] }, 'https://x.example/archives/1', true],
    [{ include: ['https://x.example/ar/*'] }, 'https://x.example/ar/1', true],
    [{ include: ['https://x.example/ar/*'] }, 'https://x.example/en/1', false],
    [{ exclude: ['*.pdf'] }, 'https://x.example/report.pdf', false],
    [{ exclude: ['/opinion/'] }, 'https://x.example/opinion/x', false],
    [{ include: ['(a+)+$'] }, 'https://x.example/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', false],
    [{ include: ['/news.php?id=*'] }, 'https://x.example/newsXphp?id=1', false],
  ])('%j on %s → %s', (rules, url, kept) => {
    expect(compileUrlFilter(rules)(url)).toBe(kept);
  });
});

describe('a listing served from 127.0.0.1', () => {
  let server: TestServer | null = null;
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close();
    await server?.close();
    server = null;
  });

  async function listingSite() {
    const listing = iconv.encode(fixture('ar-list-1256.html'), 'windows-1256');
    const page = (id: string) =>
      `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>خبر ${id}</title></head><body><article><h1>خبر رقم ${id}</h1>${`<p>نص الخبر رقم ${id} من ريف دير الزور الشرقي مع تفاصيل كثيرة عن الاجتماع وما دار فيه من نقاشات بين الحاضرين.</p>`.repeat(6)}</article></body></html>`;
    server = await startServer((req, res) => {
      const u = new URL(req.url!, 'http://x');
      if (u.pathname === '/index.php') return res.writeHead(200, { 'content-type': 'text/html' }).end(listing);
      if (u.pathname === '/news.php') {
        return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(u.searchParams.get('id')!));
      }
      return res.writeHead(404).end();
    });
    const t = startTestApp(`sources:
  - id: jazira
    name: Jazira
    kind: html
    url: "${server.url}/index.php"
    lang: ar
    html: { linkSelector: "ul.news a", dateSelector: ".d", include: ["/news.php?id=*"] }
`);
    apps.push(t);
    return { server, t };
  }

  it('fetches the windows-1256 listing, then each new article page, and stores the extracted text', async () => {
    const { server, t } = await listingSite();
    const [report] = await t.app.scheduler.runOnce();
    expect(report).toMatchObject({ outcome: 'ok', fetched: 2, new: 2 });
    expect(server.requests.map((r) => r.url).sort()).toEqual(['/index.php', '/news.php?id=4311', '/news.php?id=4312']);
    const stored = t.app.articles.publishedSince(0);
    expect(stored.map((a) => a.title).sort()).toEqual([
      'اجتماع لوجهاء العشائر في ريف دير الزور الشرقي',
      'افتتاح مدرسة جديدة في حي غويران بالحسكة',
    ]);
    expect(stored.every((a) => a.text.includes('من ريف دير الزور الشرقي مع تفاصيل كثيرة'))).toBe(true);
  });

  // A listing candidate has no text of its own: poll-source skips listing links already stored.
  it('does not fetch pages it already stored on the next poll', async () => {
    const { server, t } = await listingSite();
    await t.app.scheduler.runOnce();
    const [again] = await t.app.scheduler.runOnce();
    expect(again).toMatchObject({ outcome: 'ok', new: 0 });
    expect(server.requests.filter((r) => r.url.startsWith('/news.php'))).toHaveLength(2);
  });
});
