// End to end: a Telegram channel post linking an outlet's article, and the outlet's feed carrying
// that article, both served from 127.0.0.1 and polled through the real pipeline: one story.
import { afterEach, describe, expect, it } from 'vitest';
import { channelPage, corpusDir, corpusPresent } from '../fixtures/sources/telegram-page';
import { startTestApp, type TestApp } from '../helpers/app';
import { startServer, type TestServer } from '../helpers/http-server';

if (!corpusPresent) console.warn(`SKIPPING linked-post end-to-end test: corpus not found at ${corpusDir}`);

const BODY = `<p>قتل شخصان وأصيب ثلاثة آخرون بانفجار عبوة ناسفة استهدفت سيارة مدنية على الطريق الواصل بين بلدتي الشحيل والبصيرة في ريف دير الزور الشرقي مساء الثلاثاء، بحسب مصادر محلية.</p>
<p>وقالت المصادر إن العبوة كانت مزروعة على جانب الطريق وانفجرت لحظة مرور السيارة، وإن فرق الإسعاف نقلت الجرحى إلى مستشفى قريب حيث وصفت حالة أحدهم بالخطيرة، فيما طوقت قوى الأمن المكان وفتحت تحقيقا.</p>
<p>ويشهد ريف دير الزور الشرقي منذ أشهر تفجيرات متكررة تستهدف سيارات عسكرية ومدنية، دون أن تتبنى أي جهة معظمها، وسط مطالبات الأهالي بتأمين الطرق الرئيسية بين البلدات.</p>`;

function feed(base: string) {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>شرق</title><link>${base}/</link><description>أخبار</description>
<item><title>مقتل شخصين بانفجار عبوة على طريق الشحيل البصيرة</title><link>${base}/news/481</link>
<guid>${base}/news/481</guid><pubDate>Tue, 03 Mar 2026 18:30:00 GMT</pubDate>
<content:encoded><![CDATA[${BODY}]]></content:encoded></item>
</channel></rss>`;
}

const post = (base: string) => ({
  id: 7001,
  date: '2026-03-03T18:10:00+00:00',
  html: 'عاجل: انفجار عبوة ناسفة بسيارة مدنية بين الشحيل والبصيرة بريف دير الزور الشرقي',
  preview: {
    url: `${base}/news/481?utm_source=telegram`,
    siteName: 'شرق',
    title: 'مقتل شخصين بانفجار عبوة',
    description: 'تفاصيل',
  },
});

describe.skipIf(!corpusPresent)('a Telegram post and the article it links', () => {
  let server: TestServer | null = null;
  let app: TestApp | null = null;
  afterEach(async () => {
    await app?.close();
    await server?.close();
  });

  it('end up in one story, the later one linked to the earlier', async () => {
    server = await startServer((req, res) => {
      const base = `http://${req.headers.host}`;
      if (req.url === '/feed.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(base));
      if (req.url?.startsWith('/s/sharqchannel')) {
        const page = channelPage('sharqchannel', 'شرق تلغرام', [post(base)], null);
        return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      }
      return res.writeHead(404).end();
    });
    app = startTestApp(`sources:
  - { id: sharq-tg, name: "شرق تلغرام", kind: telegram, url: "${server.url}/s/sharqchannel", every: 5m, lang: ar }
  - { id: sharq, name: "شرق", url: "${server.url}/feed.xml", every: 5m, lang: ar }
`);
    await app.app.scheduler.runOnce();
    const db = app.app.store.db;
    const rows = db
      .prepare(
        `SELECT a.source_id, s.story_id, s.joined, s.shared FROM articles a JOIN article_story s ON s.article_id = a.id
         ORDER BY a.id`,
      )
      .all() as { source_id: string; story_id: number; joined: string; shared: string }[];
    expect(rows.map((r) => r.source_id).sort()).toEqual(['sharq', 'sharq-tg']);
    expect(new Set(rows.map((r) => r.story_id)).size).toBe(1);
    const later = rows[1]!;
    expect(['copy', 'existing']).toContain(later.joined);
    expect(Object.keys(JSON.parse(later.shared))).toEqual([later.joined === 'copy' ? 'linkedTo' : 'linkedFrom']);
  });
});
