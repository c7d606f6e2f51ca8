// Telegram paging in the pipeline: a poll reads older preview pages (`?before=`) while the window
// allows — a first poll's backfill, a busy channel that posted more than a page since the last poll,
// the 72 h backfill window, the page limit — and a failed older page keeps what was read. A real app
// (real SQLite, fetcher, parser) against a channel served from 127.0.0.1 on the corpus markup.
import { afterEach, describe, expect, it } from 'vitest';
import { nextPage, nextSeenUpTo, pollWindow } from '../../src/sources/telegram/paginate';
import { channelPage, corpusDir, corpusPresent, type FixturePost } from '../fixtures/sources/telegram-page';
import { startTestApp, type TestApp } from '../helpers/app';
import { startServer, type TestServer } from '../helpers/http-server';

if (!corpusPresent) console.warn(`SKIPPING Telegram paging tests: corpus not found at ${corpusDir}`);

const CHANNEL = 'furatpost';
const NOW = Date.parse('2026-03-01T12:30:00Z');
const HOUR = 3_600_000;
const PLACES = ['الميادين', 'البوكمال', 'الشحيل', 'هجين', 'العشارة', 'ذيبان', 'الصور', 'موحسن'];
const EVENTS = ['قصف مدفعي على', 'انفجار لغم في', 'حملة دهم في', 'اشتباكات قرب', 'إغلاق طريق'];

/** A channel with posts `oldest`..`newest`, one every `spacing` hours, the newest 30 minutes before NOW. */
interface Channel {
  newest: number;
  oldest: number;
  spacing: number;
  failOlder: boolean;
}

function post(id: number, ch: Channel): FixturePost {
  const date = new Date(NOW - HOUR / 2 - (ch.newest - id) * ch.spacing * HOUR).toISOString();
  const place = PLACES[id % PLACES.length]!;
  const event = EVENTS[Math.floor(id / PLACES.length) % EVENTS.length]!;
  return {
    id,
    date: date.replace('.000Z', '+00:00'),
    html: `<b>${event} ${place}</b><br/>منشور رقم ${id} من مراسل الشبكة في ريف دير الزور الشرقي.`,
  };
}

async function channelServer(ch: Channel): Promise<TestServer> {
  return startServer((req, res) => {
    const u = new URL(req.url!, 'http://x');
    if (u.pathname !== `/s/${CHANNEL}`) return res.writeHead(404).end();
    const before = u.searchParams.get('before');
    if (before && ch.failOlder) return res.writeHead(500).end('Internal Server Error');
    const top = Math.min(Number(before ?? ch.newest + 1) - 1, ch.newest);
    const from = Math.max(top - 19, ch.oldest);
    const posts: FixturePost[] = [];
    for (let id = from; id <= top; id++) posts.push(post(id, ch));
    const html = channelPage(CHANNEL, 'فرات بوست', posts, from > ch.oldest ? from : null);
    return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
}

describe('the poll window and the read mark', () => {
  it.each([
    ['a first poll wants its backfill and ignores an old mark', true, 30, 200, { seenUpTo: null, wantPosts: 30 }],
    ['a later poll reads back to the mark', false, 30, 200, { seenUpTo: 200, wantPosts: Number.POSITIVE_INFINITY }],
    [
      'a later poll without a mark (older database) reads the first page only',
      false,
      30,
      null,
      { seenUpTo: null, wantPosts: 0 },
    ],
  ])('%s', (_what, firstPoll, backfill, seenUpTo, want) => {
    expect(pollWindow({ firstPoll, backfill, now: NOW, seenUpTo })).toEqual({
      ...want,
      notBefore: NOW - 72 * HOUR,
      maxPages: 5,
    });
  });

  it.each([
    ['first poll: the newest post', true, null, 220, 'enough posts', 220],
    ['later poll caught up: the newest post', false, 200, 245, 'caught up', 245],
    [
      'later poll stopped at the page limit: the newest (the rest is skipped, and logged)',
      false,
      200,
      500,
      'page limit',
      500,
    ],
    ['an older page failed: the old mark stays, so the gap is read again', false, 200, 260, 'page failed', 200],
    ['a first poll whose backfill failed: the newest (backfill is best effort)', true, null, 260, 'page failed', 260],
    ['a page without posts keeps the mark', false, 200, null, 'start of channel', 200],
  ])('next mark, %s', (_what, firstPoll, previous, newest, stop, want) => {
    expect(nextSeenUpTo({ firstPoll, previous, newest, stop })).toBe(want);
  });

  it('is caught up when the page ends right after the mark (no extra page for nothing)', () => {
    const page = { posts: [201, 202].map((postId) => ({ postId, published: NOW })), before: 201 };
    const window = pollWindow({ firstPoll: false, backfill: 0, now: NOW, seenUpTo: 200 });
    expect(nextPage('https://t.me/s/x', page, { pagesRead: 2, postsCollected: 40 }, window)).toEqual({
      kind: 'stop',
      reason: 'caught up',
    });
    const gap = { posts: [203, 204].map((postId) => ({ postId, published: NOW })), before: 203 };
    expect(nextPage('https://t.me/s/x', gap, { pagesRead: 2, postsCollected: 40 }, window)).toEqual({
      kind: 'next',
      url: 'https://t.me/s/x?before=203',
    });
  });
});

describe.skipIf(!corpusPresent)('paging a Telegram channel backwards in the poll', () => {
  let server: TestServer | null = null;
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.close();
    await server?.close();
    app = server = null;
  });

  const start = (backfill: number) => {
    const yaml = `sources:
  - { id: furat, name: "فرات بوست", kind: telegram, url: "${server!.url}/s/${CHANNEL}", every: 5m, lang: ar, backfill: ${backfill} }
`;
    app = startTestApp(yaml, { clock: () => NOW });
    return app;
  };
  const olderRequests = () => server!.requests.filter((r) => r.url?.includes('before=')).map((r) => r.url);
  const poll = async () => (await app!.app.scheduler.runOnce())[0]!;

  it('a first poll without backfill reads only the first page and announces nothing', async () => {
    const ch = { newest: 200, oldest: 1, spacing: 1, failOlder: false };
    server = await channelServer(ch);
    start(0);
    expect(await poll()).toMatchObject({ outcome: 'ok', fetched: 20, new: 20, announced: 0 });
    expect(olderRequests()).toEqual([]);
  });

  it('a first poll with backfill 30 reads two pages and announces the newest 30', async () => {
    const ch = { newest: 200, oldest: 1, spacing: 1, failOlder: false };
    server = await channelServer(ch);
    start(30);
    expect(await poll()).toMatchObject({ outcome: 'ok', fetched: 40, new: 40, announced: 30 });
    expect(olderRequests()).toEqual([`/s/${CHANNEL}?before=181`]);
  });

  it('a later poll reads back to where the last one ended, and no further', async () => {
    const ch = { newest: 200, oldest: 1, spacing: 0.1, failOlder: false };
    server = await channelServer(ch);
    start(0);
    await poll();
    ch.newest = 245; // 45 posts since the last poll: more than two pages
    const r = await poll();
    expect(r).toMatchObject({ outcome: 'ok', new: 45, announced: 45 });
    expect(olderRequests()).toEqual([`/s/${CHANNEL}?before=226`, `/s/${CHANNEL}?before=206`]);
    expect(app!.app.articles.count()).toBe(65);
    // Nothing new: the first page already holds stored posts, so no older page is read.
    const before = olderRequests().length;
    expect(await poll()).toMatchObject({ outcome: 'ok', new: 0 });
    expect(olderRequests().length).toBe(before);
  });

  it('after a long outage it stops at the page limit (5 pages, 100 posts)', async () => {
    const ch = { newest: 200, oldest: 1, spacing: 0.1, failOlder: false };
    server = await channelServer(ch);
    start(0);
    await poll();
    ch.newest = 500;
    expect(await poll()).toMatchObject({ outcome: 'ok', new: 100, announced: 100 });
    expect(olderRequests()).toHaveLength(4);
  });

  it('never pages back past the 72 h backfill window', async () => {
    // One post every 5 hours: the window holds ~14 posts, so the second page is already outside it.
    const ch = { newest: 200, oldest: 1, spacing: 5, failOlder: false };
    server = await channelServer(ch);
    start(100);
    const r = await poll();
    expect(olderRequests()).toEqual([]);
    expect(r).toMatchObject({ outcome: 'ok', new: 20 });
  });

  it('a failed older page keeps the first page and the source stays healthy', async () => {
    const ch = { newest: 200, oldest: 1, spacing: 0.1, failOlder: false };
    server = await channelServer(ch);
    start(0);
    await poll();
    ch.newest = 260;
    ch.failOlder = true;
    expect(await poll()).toMatchObject({ outcome: 'ok', new: 20 });
    expect(olderRequests().length).toBeGreaterThanOrEqual(1);
    expect(app!.app.health().sources[0]).toMatchObject({ status: 'ok' });
    // The channel recovers: the next poll reads back to the posts stored before the failure.
    ch.failOlder = false;
    expect(await poll()).toMatchObject({ outcome: 'ok', new: 40 });
  });
});
