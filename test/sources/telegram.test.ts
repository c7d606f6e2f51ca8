// Telegram channel sources: the corpus preview markup (real t.me pages), pages built on it with our
// own Arabic and English posts, paging decisions, and the preview served from 127.0.0.1 through the
// real fetcher, parser and pipeline.
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalUrlKey } from '../../src/extract/canonical-url';
import { createFetcher } from '../../src/fetch/fetcher';
import { readChannelHistory } from '../../src/sources/telegram/history';
import { nextPage, type PageWindow } from '../../src/sources/telegram/paginate';
import { parseTelegramBytes } from '../../src/sources/telegram/parse';
import { parseTelegramPreview, type TelegramArticle } from '../../src/sources/telegram/preview';
import {
  channelPage,
  corpusDir,
  corpusPresent,
  type FixturePost,
  infoPage,
  readCorpus,
} from '../fixtures/sources/telegram-page';
import { startTestApp, type TestApp } from '../helpers/app';
import { startServer, type TestServer } from '../helpers/http-server';

if (!corpusPresent) console.warn(`SKIPPING Telegram preview tests: corpus not found at ${corpusDir}`);

const PREVIEW = 'https://t.me/s/x';
const parse = (file: string) => parseTelegramPreview(readCorpus(file), PREVIEW);
const posts = (file: string) => {
  const r = parse(file);
  if (!r.ok) throw new Error(r.error);
  return r.value.posts;
};

describe.skipIf(!corpusPresent)('the corpus preview page (full.html)', () => {
  it('reads every post with its id, date, author and the older-posts cursor', () => {
    const r = parse('full.html');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const page = r.value;
    expect(page).toMatchObject({ channel: 'topwar_official', title: 'Военное обозрение', skipped: 0, before: 70989 });
    expect(page.posts.map((p) => p.postId)).toEqual([
      70989, 70990, 70992, 70995, 70996, 70997, 70998, 70999, 71000, 71006, 71007, 71008,
    ]);
    expect(page.posts[0]).toMatchObject({
      guid: 'topwar_official/70989',
      url: 'https://t.me/topwar_official/70989',
      published: Date.parse('2023-02-28T07:47:53+00:00'),
      author: 'Военное обозрение',
    });
    expect(page.posts.every((p) => p.published !== null && p.title.length > 0 && p.title.length <= 141)).toBe(true);
  });

  it('takes the post date, not a video duration, and the inner text of an album', () => {
    const album = posts('full.html').find((p) => p.postId === 70992)!;
    expect(album.published).toBe(Date.parse('2023-02-28T08:51:58+00:00'));
    expect(album.summary.startsWith('Сегодня ночью в Республике Адыгея')).toBe(true);
  });

  it('keeps forwarded-from, and a forwarded Telegram post is not an outlet link', () => {
    const fwd = posts('full.html').filter((p) => p.forwardedFrom);
    expect(fwd.map((p) => p.forwardedFrom!.name)).toEqual([
      'Военкор Ярем',
      'БелВПО',
      'Старше Эдды',
      'Пул N3',
      'ImpNavigator',
    ]);
    expect(fwd.every((p) => p.linkedUrl === null || !p.linkedUrl.includes('t.me'))).toBe(true);
  });
});

describe.skipIf(!corpusPresent)('the corpus message snippets', () => {
  it.each([
    [
      'message_text.html',
      { postId: 70991, title: 'Неопознанный летающий объект замечен в 160 – 200 км от Петербурга' },
    ],
    [
      'message_link_preview.html',
      {
        title: 'Георгий Зотов: ОККУПАЦИЯ ВОЛОСАТЫМ КРАБОМ',
        linkedUrl: 'https://vnnews.ru/georgiy-zotov-okkupaciya-volosatym-kr/',
        linkPreview: expect.objectContaining({ siteName: 'Ваши новости — интернет-газета' }),
      },
    ],
    [
      'message_media_forwarded_from.html',
      { forwardedFrom: { name: 'Пул N3', url: 'https://t.me/dimsmirnov175/44604' } },
    ],
    ['message_poll.html', { title: 'Как лучше?' }],
    ['message_with_from_author.html', { author: '🅰️rkadiy Ivanov', title: 'test' }],
    ['message_link_preview_video.html', { linkedUrl: null }],
  ])('%s', (file, expected) => {
    const list = posts(file);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject(expected);
  });

  it.each(['message_sticker.html', 'message_media_round_video.html'])('skips %s: nothing to read', (file) => {
    const r = parse(file);
    expect(r.ok && { posts: r.value.posts.length, skipped: r.value.skipped }).toEqual({ posts: 0, skipped: 1 });
  });
});

const CHANNEL = 'deirezzor24';
const TITLE = 'دير الزور 24';
const OUTLET = 'https://www.enabbaladi.net/archives/712345';

/** Posts `from`..`to`, one hour apart, post `newest` at 2026-03-01T12:00Z; every 5th links an outlet. */
function makePosts(from: number, to: number, newest = to): FixturePost[] {
  const out: FixturePost[] = [];
  for (let id = from; id <= to; id++) {
    const date = new Date(Date.parse('2026-03-01T12:00:00Z') - (newest - id) * 3_600_000).toISOString();
    out.push({
      id,
      date: date.replace('.000Z', '+00:00'),
      html: `<b>انفجار في حي الجورة رقم ${id}</b><br/><br/>أفاد مراسلنا بسماع دوي انفجار في المدينة.<br/>لا معلومات عن إصابات. <a href="?q=%23دير_الزور">#دير_الزور</a>`,
      ...(id % 5 === 0
        ? {
            preview: {
              url: `${OUTLET}?utm_source=telegram`,
              siteName: 'عنب بلدي',
              title: 'انفجار في دير الزور',
              description: 'تفاصيل الخبر',
            },
          }
        : {}),
    });
  }
  return out;
}

describe.skipIf(!corpusPresent)('pages built on the corpus markup', () => {
  it('splits paragraphs on blank lines, keeps single breaks inside one, ignores hashtag links', () => {
    const r = parseTelegramPreview(channelPage(CHANNEL, TITLE, makePosts(101, 102), 101), `https://t.me/s/${CHANNEL}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ channel: CHANNEL, title: TITLE, before: 101 });
    expect(r.value.posts[0]).toMatchObject({
      title: 'انفجار في حي الجورة رقم 101',
      summary:
        'انفجار في حي الجورة رقم 101\n\nأفاد مراسلنا بسماع دوي انفجار في المدينة.\nلا معلومات عن إصابات. #دير_الزور',
      contentHtml:
        '<p>انفجار في حي الجورة رقم 101</p><p>أفاد مراسلنا بسماع دوي انفجار في المدينة.<br>لا معلومات عن إصابات. #دير_الزور</p>',
      links: [],
      linkedUrl: null,
    });
  });

  it("a post sharing an outlet article carries the link whose canonical key is the article's key", () => {
    const r = parseTelegramPreview(channelPage(CHANNEL, TITLE, makePosts(104, 105), 104), `https://t.me/s/${CHANNEL}`);
    const shared = r.ok ? r.value.posts.find((p) => p.postId === 105)! : null;
    expect(shared?.linkedUrl).toBe(`${OUTLET}?utm_source=telegram`);
    expect(shared?.summary).toContain('تفاصيل الخبر');
    // The outlet's own feed links the article without the tracking parameter, with a fragment.
    expect(canonicalUrlKey(shared!.linkedUrl!)).toBe(canonicalUrlKey('https://WWW.enabbaladi.net/archives/712345#top'));
  });

  it('an English post with a link in the text and no preview links that article', () => {
    const html = 'Clashes reported near <a href="https://syria.example/news/clashes-near-hajin">Hajin</a>.';
    const r = parseTelegramPreview(
      channelPage('furatpost', 'Furat Post', [{ id: 7, date: '2026-03-01T10:00:00+00:00', html }], null),
      'https://t.me/s/furatpost',
    );
    expect(r.ok && r.value.posts[0]).toMatchObject({
      title: 'Clashes reported near Hajin.',
      linkedUrl: 'https://syria.example/news/clashes-near-hajin',
      links: ['https://syria.example/news/clashes-near-hajin'],
    });
    expect(r.ok && r.value.before).toBeNull();
  });

  it.each([
    [
      'the info page after a redirect',
      infoPage(CHANNEL, TITLE),
      `https://t.me/${CHANNEL}`,
      "redirected to the channel's info page",
    ],
    [
      'an info page at the preview URL',
      infoPage(CHANNEL, TITLE),
      `https://t.me/s/${CHANNEL}`,
      'is a channel info page',
    ],
    [
      'a preview without messages',
      channelPage(CHANNEL, TITLE, [], null),
      `https://t.me/s/${CHANNEL}`,
      'no messages in the preview',
    ],
    [
      'some other page',
      '<html><body><h1>Blocked</h1></body></html>',
      `https://t.me/s/${CHANNEL}`,
      'not a Telegram channel preview page',
    ],
  ])('fails on %s', (_what, html, url, reason) => {
    const r = parseTelegramPreview(html, url);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain('telegram preview not available');
      expect(r.error).toContain(reason);
    }
  });
});

describe('nextPage', () => {
  const page = (ids: number[], before: number | null, hoursOld = 0) => ({
    posts: ids.map((postId) => ({ postId, published: Date.parse('2026-03-01T12:00:00Z') - hoursOld * 3_600_000 })),
    before,
  });
  const w = (over: Partial<PageWindow> = {}): PageWindow => ({
    seenUpTo: null,
    notBefore: Date.parse('2026-02-28T12:00:00Z'),
    wantPosts: 40,
    maxPages: 5,
    ...over,
  });
  const url = 'https://t.me/s/deirezzor24';
  it.each([
    ['start of channel: no cursor', page([5, 6], null), { pagesRead: 1, postsCollected: 2 }, w(), 'start of channel'],
    ['start of channel: no posts', page([], 9), { pagesRead: 1, postsCollected: 0 }, w(), 'start of channel'],
    [
      'caught up with an earlier poll',
      page([120, 121], 120),
      { pagesRead: 1, postsCollected: 2 },
      w({ seenUpTo: 120 }),
      'caught up',
    ],
    [
      'older than the backfill window',
      page([50, 51], 50, 30),
      { pagesRead: 1, postsCollected: 2 },
      w(),
      'backfill window',
    ],
    ['the page limit', page([50, 51], 50), { pagesRead: 5, postsCollected: 2 }, w(), 'page limit'],
    ['enough posts for the first poll', page([50, 51], 50), { pagesRead: 2, postsCollected: 40 }, w(), 'enough posts'],
  ])('stops at %s', (_what, p, progress, window, reason) => {
    expect(nextPage(url, p, progress, window)).toEqual({ kind: 'stop', reason });
  });

  it('reads the page before the oldest post otherwise', () => {
    expect(
      nextPage(`${url}?before=999`, page([120, 121], 120), { pagesRead: 1, postsCollected: 2 }, w({ seenUpTo: 100 })),
    ).toEqual({
      kind: 'next',
      url: `${url}?before=120`,
    });
  });
});

describe.skipIf(!corpusPresent)('a channel served from 127.0.0.1', () => {
  let server: TestServer | null = null;
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close();
    await server?.close();
    server = null;
  });

  /** Newest 20 posts at /s/<channel>, older pages at ?before=; "hidden" redirects to its info page. */
  async function telegramServer(newest = 140, oldest = 90) {
    return startServer((req, res) => {
      const u = new URL(req.url!, 'http://x');
      const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      if (u.pathname === '/s/hidden') return res.writeHead(302, { location: '/hidden' }).end();
      if (u.pathname === '/hidden') return html(infoPage('hidden', 'Hidden'));
      if (u.pathname === '/s/empty') return html(channelPage('empty', 'Empty', [], null));
      if (u.pathname !== `/s/${CHANNEL}`) return res.writeHead(404).end();
      const top = Math.min(Number(u.searchParams.get('before') ?? newest + 1) - 1, newest);
      const from = Math.max(top - 19, oldest);
      return html(channelPage(CHANNEL, TITLE, makePosts(from, top, newest), from > oldest ? from : null));
    });
  }

  const window = (over: Partial<PageWindow> = {}): PageWindow => ({
    seenUpTo: null,
    notBefore: Date.parse('2026-02-01T00:00:00Z'),
    wantPosts: 30,
    maxPages: 10,
    ...over,
  });

  it.each([
    ['a first poll wanting 30 posts reads two pages', window(), 2, 40, 'enough posts'],
    ['a later poll stops where the last one ended', window({ seenUpTo: 125 }), 1, 20, 'caught up'],
    [
      'the backfill window stops at the page reaching posts older than it',
      window({ notBefore: Date.parse('2026-02-28T10:00:00Z'), wantPosts: 100 }),
      2,
      40,
      'backfill window',
    ],
    ['an unbounded backfill reaches the start of the channel', window({ wantPosts: 1000 }), 3, 51, 'start of channel'],
  ])('%s', async (_what, w, pages, count, stop) => {
    server = await telegramServer();
    const fetcher = createFetcher({ userAgent: 'RasedTest' });
    const r = await readChannelHistory(`${server.url}/s/${CHANNEL}`, { fetcher, window: w });
    await fetcher.close();
    expect(r.ok && { pages: r.value.pagesRead, count: r.value.posts.length, stop: r.value.stop }).toEqual({
      pages,
      count,
      stop,
    });
    const ids = r.ok ? r.value.posts.map((p: TelegramArticle) => p.postId) : [];
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(server.requests.map((q) => q.url).slice(1)).toEqual(
      [121, 101].slice(0, pages - 1).map((b) => `/s/${CHANNEL}?before=${b}`),
    );
  });

  it.each([
    ['hidden', "redirected to the channel's info page"],
    ['empty', 'no messages in the preview'],
  ])('a %s channel fails with the reason, through the real fetcher', async (channel, reason) => {
    server = await telegramServer();
    const fetcher = createFetcher({ userAgent: 'RasedTest' });
    const res = await fetcher.fetch({ url: `${server.url}/s/${channel}` });
    await fetcher.close();
    expect(res.kind).toBe('ok');
    const parsed =
      res.kind === 'ok' ? parseTelegramBytes(res.body, { contentType: res.contentType, url: res.url }) : null;
    expect(parsed?.ok === false && parsed.error).toContain(reason);
  });

  it('polls the channel through the pipeline: posts stored under their own URLs, a hidden channel unhealthy', async () => {
    server = await telegramServer(110, 90);
    const yaml = `sources:
  - { id: dz24, name: "${TITLE}", kind: telegram, url: "${server.url}/s/${CHANNEL}", every: 5m, lang: ar }
  - { id: hidden, name: Hidden, kind: telegram, url: "${server.url}/s/hidden", every: 5m }
`;
    const t = startTestApp(yaml);
    apps.push(t);
    const reports = await t.app.scheduler.runOnce();
    expect(reports.find((r) => r.sourceId === 'dz24')).toMatchObject({ outcome: 'ok', fetched: 20, new: 20 });
    expect(reports.find((r) => r.sourceId === 'hidden')).toMatchObject({ outcome: 'failed' });
    const health = t.app.health();
    const hidden = health.sources.find((s) => s.id === 'hidden');
    expect(hidden).toMatchObject({ status: 'failing' });
    expect(JSON.stringify(hidden)).toContain("redirected to the channel's info page");
    expect(t.app.articles.count()).toBe(20);
  });
});
