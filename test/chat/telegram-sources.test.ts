// /source from Telegram, end to end: the real grammY bot against the Bot API stand-in, the real app
// (registry, scheduler, guarded fetcher) and a feed served on 127.0.0.1. A deployment admin adds a
// feed, the next poll stores its articles, a non-admin is refused, removing it stops its polling; with
// the address guard on, a 127.0.0.1 feed is refused with the guard's reason.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, type World } from '../../src/world';
import { startServer } from '../helpers/http-server';
import { type Deployment, nextReply, rssItem, say, startDeployment, user, waitFor } from './telegram-fixture';

let world: World;
beforeAll(() => {
  const w = loadWorld('config');
  if (!w.ok) throw new Error(w.error);
  world = w.value;
}, 60_000);

let d: Deployment | null = null;
afterEach(async () => {
  await d?.close();
  d = null;
});

const ADMIN = user(900, 'en');
const ADMIN_CHAT = { id: 900, type: 'private', first_name: 'Admin' };
const READER = user(501, 'ar');
const READER_CHAT = { id: 501, type: 'private', first_name: 'Reader' };

const item = (n: number) =>
  rssItem(
    `three-${n}`,
    `Report ${n} from the third outlet on the Deir ez-Zor countryside`,
    `https://outlet-three.example/news/${n}`,
    new Date(Date.now() - n * 60_000).toUTCString(),
    `<p>Report ${n}: local sources in the eastern Deir ez-Zor countryside described the situation on the river crossings this morning.</p>` +
      '<p>Residents said traffic across the Euphrates was slow and that checkpoints on the main road were reinforced.</p>',
  );

const rssFeed = (...items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Slow outlet</title>${items.join('')}</channel></rss>`;

async function command(dep: Deployment, chat: { id: number; type: string }, from: typeof ADMIN, text: string) {
  const before = dep.tg.sentTo(chat.id).length;
  say(dep.tg, chat, from, text);
  return (await nextReply(dep.tg, chat.id, before)).text;
}

const state = (dep: Deployment, id: string) => dep.t.app.sourceState.all().get(id);

describe('/source from Telegram', () => {
  it('an admin adds a feed, the next poll stores its articles, a non-admin is refused, remove stops polling', async () => {
    d = await startDeployment(world, { adminIds: ['900'] });
    d.feeds['/three'] = [item(1), item(2)];
    const url = `${d.feedUrl}/three`;

    expect(await command(d, READER_CHAT, READER, `/source add ${url}`)).toContain('لمسؤولي هذا النشر');
    expect(d.t.app.sources().map((s) => s.id)).toEqual(['one', 'two']);

    const added = await command(d, ADMIN_CHAT, ADMIN, `/source add ${url}`);
    expect(added).toBe(
      `Source 127-0-0-1 added: feed "T" (${url}), 2 articles found now. It is polled from now on; remove it with /source remove 127-0-0-1`,
    );
    expect(await command(d, ADMIN_CHAT, ADMIN, `/source add ${url}`)).toContain('is already a source (127-0-0-1)');

    const reports = await d.t.app.scheduler.runOnce();
    expect(reports.find((r) => r.sourceId === '127-0-0-1')).toMatchObject({ outcome: 'ok', new: 2 });
    expect(state(d, '127-0-0-1')?.articlesTotal).toBe(2);

    const list = await command(d, READER_CHAT, READER, '/source list');
    expect(list).toContain('127-0-0-1 — T (أضيف من المحادثة)');
    expect(list).toContain('one — Outlet One');
    expect(d.t.app.health().sources.map((s) => s.id)).toContain('127-0-0-1');

    expect(await command(d, READER_CHAT, READER, '/source remove 127-0-0-1')).toContain('لمسؤولي هذا النشر');
    expect(await command(d, ADMIN_CHAT, ADMIN, '/source remove one')).toContain('configuration file');
    expect(await command(d, ADMIN_CHAT, ADMIN, '/source remove 127-0-0-1')).toBe(
      'Source 127-0-0-1 removed: it is no longer polled.',
    );

    const polledAt = state(d, '127-0-0-1')?.lastPollAt;
    d.feeds['/three'] = [item(3), item(1), item(2)];
    const after = await d.t.app.scheduler.runOnce();
    expect(after.map((r) => r.sourceId).sort()).toEqual(['one', 'two']);
    expect(state(d, '127-0-0-1')?.lastPollAt).toBe(polledAt);
    expect(state(d, '127-0-0-1')?.articlesTotal).toBe(2);
    expect(d.t.app.health().sources.map((s) => s.id)).toEqual(['one', 'two']);
  });

  it('a slow /source add does not hold up other chats: it answers when its fetch is done', async () => {
    d = await startDeployment(world, { adminIds: ['900'] });
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let asked = 0;
    const slow = await startServer(async (_req, res) => {
      asked++;
      await gate;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed(item(1)));
    });
    try {
      const before = d.tg.sentTo(ADMIN_CHAT.id).length;
      say(d.tg, ADMIN_CHAT, ADMIN, `/source add ${slow.url}/feed`);
      await waitFor('the slow fetch to start', () => asked > 0);
      // While that fetch hangs, another chat's command is answered.
      expect(await command(d, READER_CHAT, READER, '/source list')).toContain('one — Outlet One');
      expect(d.tg.sentTo(ADMIN_CHAT.id).length).toBe(before);
      release();
      expect((await nextReply(d.tg, ADMIN_CHAT.id, before)).text).toContain('added: feed');
    } finally {
      release();
      await slow.close();
    }
  });

  it('with the address guard on, a feed on 127.0.0.1 is refused with the reason and nothing is saved', async () => {
    d = await startDeployment(world, { adminIds: ['900'], env: { ALLOW_PRIVATE_SOURCES: 'false' } });
    d.feeds['/three'] = [item(1)];
    const reply = await command(d, ADMIN_CHAT, ADMIN, `/source add ${d.feedUrl}/three`);
    expect(reply).toMatch(/^Could not add http:\/\/127\.0\.0\.1:\d+\/three: .*127\.0\.0\.1 is an internal address/);
    expect(d.t.app.sources().map((s) => s.id)).toEqual(['one', 'two']);
  });
});
