// Matching and stories through the real pipeline: a watch, two outlets reporting one event, a
// republished copy, and an unrelated article.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, type World } from '../../src/world';
import { startTestApp, type TestApp } from '../helpers/app';
import { startServer, type TestServer } from '../helpers/http-server';

let world: World;
beforeAll(() => {
  const w = loadWorld('config');
  if (!w.ok) throw new Error(w.error);
  world = w.value;
}, 60_000);

const item = (id: string, title: string, link: string, date: string, body: string) =>
  `<item><title>${title}</title><link>${link}</link><guid isPermaLink="false">${id}</guid><pubDate>${date}</pubDate>` +
  `<content:encoded><![CDATA[${body}]]></content:encoded></item>`;
const rss = (items: string[]) =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>${items.join('')}</channel></rss>`;

const HASAKAH_1 = item(
  'a1',
  'هجوم بسيارة مفخخة قرب سجن غويران بالحسكة',
  'https://outlet-one.example/news/1',
  'Fri, 20 Nov 2026 06:00:00 GMT',
  '<p>هاجمت خلايا تابعة لتنظيم "داعش" بسيارة مفخخة حاجزاً لـ"قوات سوريا الديمقراطية" (قسد) قرب سجن غويران في مدينة الحسكة فجر اليوم.</p>' +
    '<p>وقالت مصادر محلية إن نحو 15 محتجزاً فروا من السجن خلال الاشتباكات، فيما حلقت طائرات التحالف الدولي فوق المنطقة وفرضت قسد حظر تجوال في أحياء غويران والزهور.</p>',
);
const HASAKAH_2 = item(
  'b1',
  'فرار محتجزين من سجن الصناعة في الحسكة بعد تفجير سيارة مفخخة',
  'https://outlet-two.example/ar/2',
  'Fri, 20 Nov 2026 07:30:00 GMT',
  '<p>أفادت مصادر بفرار نحو 15 محتجزاً من عناصر تنظيم الدولة الإسلامية من سجن الصناعة (غويران) جنوبي الحسكة، بعد تفجير سيارة مفخخة عند بوابته وهجوم مسلح على نقاط الحراسة.</p>' +
    '<p>ودفعت قوات سوريا الديمقراطية بتعزيزات إلى محيط السجن، وحلق طيران التحالف الدولي في سماء المدينة، وفرضت قوى الأمن الداخلي (الأسايش) حظر تجوال.</p>',
);
const DAMASCUS = item(
  'b2',
  'افتتاح معرض للكتاب في دمشق',
  'https://outlet-two.example/ar/3',
  'Fri, 20 Nov 2026 08:00:00 GMT',
  '<p>افتتح في العاصمة دمشق معرض للكتاب بمشاركة عشرات دور النشر العربية، ويستمر المعرض عشرة أيام في مكتبة الأسد الوطنية.</p>' +
    '<p>وقال المنظمون إن المعرض يضم أكثر من 40 ألف عنوان في الأدب والتاريخ والعلوم، مع ندوات يومية لكتاب سوريين وعرب.</p>',
);

let server: TestServer | null = null;
const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  await server?.close();
});

async function twoOutlets() {
  const feeds: Record<string, string[]> = { '/one': [], '/two': [] };
  server = await startServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(feeds[req.url ?? ''] ?? []));
  });
  const yaml = `sources:\n  - { id: one, name: Outlet One, url: "${server.url}/one" }\n  - { id: two, name: Outlet Two, url: "${server.url}/two" }\n`;
  const t = startTestApp(yaml, { world });
  apps.push(t);
  await t.app.scheduler.runOnce(); // first poll: empty feeds, now "seen"
  return { t, feeds };
}

const zarzour = (id: string) =>
  item(
    id,
    'اشتباكات في محيط بلدة زرزور',
    `https://outlet-one.example/news/${id}`,
    'Fri, 20 Nov 2026 09:00:00 GMT',
    '<p>اندلعت اشتباكات عنيفة في محيط بلدة زرزور بين فصائل محلية صباح اليوم، وفق مصادر أهلية.</p><p>وأفادت المصادر بسقوط جرحى ونزوح عشرات العائلات من البلدة نحو القرى المجاورة.</p>',
  );

/** A chat's own alias, as /alias stores it. */
function addChatAlias(t: TestApp, subscriberId: number, alias: string, canonical: string) {
  t.app.store.db
    .prepare('INSERT INTO chat_aliases (subscriber_id, alias, canonical, created_at) VALUES (?, ?, ?, ?)')
    .run(subscriberId, alias, canonical, Date.now());
}

function alertsOf(t: TestApp) {
  return t.app.store.db
    .prepare('SELECT id, subscriber_id, article_id, story_id, kind, reply_to, status, evidence FROM alerts ORDER BY id')
    .all() as {
    id: number;
    subscriber_id: number;
    article_id: number;
    story_id: number;
    kind: string;
    reply_to: number | null;
    status: string;
    evidence: string;
  }[];
}

describe('alerting through the pipeline', () => {
  it('one alert for the story, the second outlet threaded as a follow-up, nothing for other watches', async () => {
    const { t, feeds } = await twoOutlets();
    const now = Date.now();
    const sub = t.app.subscribers.ensure({ platform: 'console', chatId: 'me' }, now);
    const other = t.app.subscribers.ensure({ platform: 'console', chatId: 'other' }, now);
    t.app.subscribers.addWatch(sub.id, 'الحسكة', {}, now);
    t.app.subscribers.addWatch(other.id, 'Aleppo', {}, now);

    feeds['/one'] = [HASAKAH_1];
    await t.app.scheduler.runOnce();
    let alerts = alertsOf(t);
    expect(alerts).toHaveLength(1);
    // Console subscribers are delivered by the real dispatcher with the console sender.
    expect(alerts[0]).toMatchObject({ subscriber_id: sub.id, kind: 'alert', reply_to: null, status: 'sent' });
    expect(t.lines.join('\n')).toMatch(/── #1 → me\n/);
    const evidence = JSON.parse(alerts[0]!.evidence);
    expect(evidence.hits.map((h: { surface: string }) => h.surface)).toContain('بالحسكة');

    feeds['/two'] = [HASAKAH_2, DAMASCUS];
    await t.app.scheduler.runOnce();
    alerts = alertsOf(t);
    expect(alerts).toHaveLength(2);
    expect(alerts[1]).toMatchObject({ kind: 'follow-up', reply_to: alerts[0]!.id, story_id: alerts[0]!.story_id });
    expect(t.lines.join('\n')).toMatch(/── #2 → me, reply to 1\n/);
  });

  it('a republished copy with tracking parameters and a new GUID never alerts again', async () => {
    const { t, feeds } = await twoOutlets();
    const sub = t.app.subscribers.ensure({ platform: 'console', chatId: 'me' }, Date.now());
    t.app.subscribers.addWatch(sub.id, 'place:Hasakah', {}, Date.now());
    feeds['/one'] = [HASAKAH_1];
    await t.app.scheduler.runOnce();
    feeds['/one'] = [
      HASAKAH_1.replace('news/1', 'news/1?utm_source=tw').replace("'a1'", "'a1'").replace('>a1<', '>a1-republished<'),
    ];
    const [r] = await t.app.scheduler.runOnce();
    expect(r?.new ?? 0).toBe(0);
    expect(alertsOf(t)).toHaveLength(1);
  });

  it('an English watch matches the Arabic report through places and aliases', async () => {
    const { t, feeds } = await twoOutlets();
    const sub = t.app.subscribers.ensure({ platform: 'console', chatId: 'me' }, Date.now());
    t.app.subscribers.addWatch(sub.id, 'SDF "prison break" OR Ghwayran', {}, Date.now());
    feeds['/two'] = [HASAKAH_2];
    await t.app.scheduler.runOnce();
    expect(alertsOf(t)).toHaveLength(1);
  });

  it('summarizes an alert in both languages from its story: Arabic sentences, English brief with place and actors', async () => {
    const { t, feeds } = await twoOutlets();
    const sub = t.app.subscribers.ensure({ platform: 'console', chatId: 'me' }, Date.now());
    t.app.subscribers.addWatch(sub.id, 'الحسكة', {}, Date.now());
    feeds['/one'] = [HASAKAH_1];
    feeds['/two'] = [HASAKAH_2];
    await t.app.scheduler.runOnce();
    const [first] = alertsOf(t);
    const article = t.app.articles.get(first!.article_id)!;
    const summary = await t.app.summarize({ article, storyId: first!.story_id, langs: 'both', hits: [] });
    expect(summary?.ar).toMatch(/سجن غويران|الحسكة/);
    expect(summary?.en).toMatch(/Automatic brief/);
    expect(summary?.en).toMatch(/Hasakah/);
    expect(summary?.en).toMatch(/SDF|Syrian Democratic Forces/);
    expect(summary?.en).toMatch(/Outlet One/);
  });

  it('when both reports arrive in one poll, the follow-up shows its own report, not the first alert again', async () => {
    const { t, feeds } = await twoOutlets();
    const sub = t.app.subscribers.ensure({ platform: 'console', chatId: 'me' }, Date.now());
    t.app.subscribers.addWatch(sub.id, 'الحسكة', {}, Date.now());
    feeds['/one'] = [HASAKAH_1];
    feeds['/two'] = [HASAKAH_2];
    await t.app.scheduler.runOnce();
    const out = t.lines.join('\n');
    const [first, followUp] = out.split(/── #\d+ → me/).slice(1);
    expect(out).toMatch(/── #2 → me, reply to 1\n/);
    // The two feeds are polled at once, so either report can be the first alert. The first alert
    // summarizes the story (both outlets); the follow-up its own outlet's report only.
    const lead = { one: 'هاجمت خلايا تابعة لتنظيم', two: 'أفادت مصادر بفرار نحو 15 محتجزاً' };
    const [own, other] = followUp!.includes('سجن الصناعة في الحسكة بعد تفجير')
      ? (['two', 'one'] as const)
      : (['one', 'two'] as const);
    expect(first).toMatch(/Outlet (One|Two), Outlet (One|Two)/);
    expect(followUp).toContain(lead[own]);
    expect(followUp).not.toContain(lead[other]);
    expect(followUp).toMatch(new RegExp(`Automatic brief: .*Outlet ${own === 'one' ? 'One' : 'Two'}, 2026-11-20`));
  });

  it("a chat's /alias makes its watch match another spelling; other chats are not affected", async () => {
    const { t, feeds } = await twoOutlets();
    const now = Date.now();
    const withAlias = t.app.subscribers.ensure({ platform: 'console', chatId: 'a' }, now);
    const without = t.app.subscribers.ensure({ platform: 'console', chatId: 'b' }, now);
    t.app.subscribers.addWatch(withAlias.id, 'Zarzour', {}, now);
    t.app.subscribers.addWatch(without.id, 'Zarzour', {}, now);
    addChatAlias(t, withAlias.id, 'زرزور', 'Zarzour');
    feeds['/one'] = [zarzour('z1')];
    await t.app.scheduler.runOnce();
    expect(alertsOf(t).map((a) => a.subscriber_id)).toEqual([withAlias.id]);
  });

  it('an alias added after the watches were compiled (and their queries parsed) applies to the next article', async () => {
    const { t, feeds } = await twoOutlets();
    const now = Date.now();
    const sub = t.app.subscribers.ensure({ platform: 'console', chatId: 'a' }, now);
    t.app.subscribers.addWatch(sub.id, 'Zarzour', {}, now);
    feeds['/two'] = [DAMASCUS];
    await t.app.scheduler.runOnce(); // compiles the matcher: Zarzour alone
    addChatAlias(t, sub.id, 'زرزور', 'Zarzour');
    feeds['/one'] = [zarzour('z2')];
    await t.app.scheduler.runOnce();
    expect(alertsOf(t).map((a) => a.subscriber_id)).toEqual([sub.id]);
  });

  it('a paused subscriber gets alerts held, not sent', async () => {
    const { t, feeds } = await twoOutlets();
    const sub = t.app.subscribers.ensure({ platform: 'console', chatId: 'me' }, Date.now());
    t.app.subscribers.addWatch(sub.id, 'داعش', {}, Date.now());
    t.app.subscribers.setPaused(sub.id, Date.now());
    feeds['/one'] = [HASAKAH_1];
    await t.app.scheduler.runOnce();
    expect(alertsOf(t).map((a) => a.status)).toEqual(['held']);
  });
});
